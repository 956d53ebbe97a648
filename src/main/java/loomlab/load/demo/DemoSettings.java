package loomlab.load.demo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loomlab.config.Mode;
import loomlab.load.LoadSettings;
import loomlab.load.Workload;

/**
 * What the scalability demo runs.
 *
 * @param workload     echo (a connection per client) or calc (a connection per request)
 * @param clientCounts the client counts of the steps, rising
 * @param modes        the server modes compared
 * @param step         measured time per step
 * @param warmup       unmeasured time before each step's window
 * @param messageSize  echo message size
 * @param serialMax    serial steps above this many clients are skipped (they would only wait)
 * @param targets      external servers by mode; empty = start them in this process
 * @param out          the report directory
 */
public record DemoSettings(
        Workload workload,
        List<Integer> clientCounts,
        List<Mode> modes,
        Duration step,
        Duration warmup,
        int messageSize,
        int serialMax,
        Map<Mode, InetSocketAddress> targets,
        Path out,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final List<Integer> DEFAULT_COUNTS = List.of(1, 10, 100, 1_000, 10_000);
    public static final List<Mode> DEFAULT_MODES = List.of(Mode.SERIAL, Mode.PLATFORM, Mode.VIRTUAL);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    /** Echo: a serial server serves one client; beyond this many, steps only show waiting. */
    public static final int DEFAULT_SERIAL_MAX = 100;

    /** Echo clients hold their connection, so serial serves one of them; calc clients take turns. */
    public static int defaultSerialMax(Workload workload) {
        return workload == Workload.ECHO ? DEFAULT_SERIAL_MAX : Integer.MAX_VALUE;
    }

    public DemoSettings {
        clientCounts = clientCounts.stream().distinct().sorted().toList();
        modes = List.copyOf(modes);
        targets = Map.copyOf(targets);
        if (workload == Workload.UDP_CALC) {
            throw new IllegalArgumentException("--protocol: the demo compares TCP server modes: echo or calc");
        }
        if (clientCounts.isEmpty() || clientCounts.get(0) < 1) {
            throw new IllegalArgumentException("--clients: give client counts of at least 1, e.g. 1,10,100");
        }
        if (modes.isEmpty()) throw new IllegalArgumentException("--modes: give at least one of serial, platform, virtual");
        if (step.isNegative() || step.isZero()) throw new IllegalArgumentException("--step must be longer than zero");
        if (warmup.isNegative()) throw new IllegalArgumentException("--warmup must not be negative");
        if (serialMax < 1) throw new IllegalArgumentException("--serial-max must be at least 1");
        if (!targets.isEmpty() && !targets.keySet().containsAll(modes)) {
            throw new IllegalArgumentException("--target: with external servers, give one for each mode to run ("
                    + modes.stream().map(m -> m.name().toLowerCase()).toList() + "), or limit --modes");
        }
        if (messageSize < 1 || messageSize > LoadSettings.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("--size must be between 1 and " + LoadSettings.MAX_MESSAGE_SIZE);
        }
    }

    /** True when the servers run in this process (and their threads and memory can be measured). */
    public boolean inProcess() {
        return targets.isEmpty();
    }

    /** The load of one step. */
    LoadSettings load(InetSocketAddress target, int clients) {
        return LoadSettings.of(workload, target, clients, step)
                .withTiming(step, warmup, Duration.ZERO)
                .withMessageSize(messageSize)
                .withTimeouts(connectTimeout, readTimeout);
    }
}
