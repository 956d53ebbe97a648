package loomlab.load.demo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.config.Mode;
import loomlab.load.LoadSettings;
import loomlab.load.SourceAddresses;
import loomlab.load.SystemLimits;
import loomlab.load.Workload;

/**
 * What the scalability demo runs.
 *
 * @param workload     echo (a connection per client) or calc (a connection per request)
 * @param clientCounts the client counts of the rising-load steps; empty = 1, 10, 100, 1,000,
 *                     10,000 and the largest count this machine allows
 * @param modes        the server modes compared
 * @param step         measured time per step
 * @param warmup       unmeasured time before each step's window
 * @param messageSize  echo message size
 * @param serialMax    serial steps above this many clients are skipped (they would only wait)
 * @param labIdle      idle connections of the lab scenario; null = as many as fit, 0 = no lab scenario
 * @param labActive    active clients of the lab scenario
 * @param labRate      requests per second of each active lab client
 * @param pin          pin the servers and the load generator to separate cores (where possible)
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
        Integer labIdle,
        int labActive,
        double labRate,
        boolean pin,
        Path out,
        Duration connectTimeout,
        Duration readTimeout) {

    /** The rising-load counts before the machine's own largest one. */
    public static final List<Integer> LADDER = List.of(1, 10, 100, 1_000, 10_000);
    public static final List<Mode> DEFAULT_MODES = List.of(Mode.SERIAL, Mode.PLATFORM, Mode.VIRTUAL);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    /** Echo: a serial server serves one client; beyond this many, steps only show waiting. */
    public static final int DEFAULT_SERIAL_MAX = 100;
    public static final int DEFAULT_LAB_ACTIVE = 50;
    /** A student typing: a request every 100 ms at most. */
    public static final double DEFAULT_LAB_RATE = 10;

    /** Echo clients hold their connection, so serial serves one of them; calc clients take turns. */
    public static int defaultSerialMax(Workload workload) {
        return workload == Workload.ECHO ? DEFAULT_SERIAL_MAX : Integer.MAX_VALUE;
    }

    public DemoSettings {
        clientCounts = clientCounts.stream().distinct().sorted().toList();
        modes = modes.stream().distinct().sorted().toList();
        if (workload == Workload.UDP_CALC) {
            throw new IllegalArgumentException("--protocol: the demo compares TCP server modes: echo or calc");
        }
        if (!clientCounts.isEmpty() && clientCounts.get(0) < 1) {
            throw new IllegalArgumentException("--clients: give client counts of at least 1, e.g. 1,10,100");
        }
        if (modes.isEmpty()) throw new IllegalArgumentException("--modes: give at least one of serial, platform, virtual");
        if (step.isNegative() || step.isZero()) throw new IllegalArgumentException("--step must be longer than zero");
        if (step.compareTo(Duration.ofHours(1)) > 0) throw new IllegalArgumentException("--step: at most 1h");
        if (warmup.isNegative()) throw new IllegalArgumentException("--warmup must not be negative");
        if (warmup.compareTo(Duration.ofHours(1)) > 0) throw new IllegalArgumentException("--warmup: at most 1h");
        if (serialMax < 1) throw new IllegalArgumentException("--serial-max must be at least 1");
        if (labIdle != null && labIdle < 0) throw new IllegalArgumentException("--lab-idle must not be negative (0 skips the lab)");
        if (labActive < 1) throw new IllegalArgumentException("--lab-active must be at least 1");
        if (!(labRate > 0 && labRate <= 10_000)) throw new IllegalArgumentException("--lab-rate: between 0 and 10000 requests per second");
        if (messageSize < 1 || messageSize > LoadSettings.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("--size must be between 1 and " + LoadSettings.MAX_MESSAGE_SIZE);
        }
    }

    /** The load of one rising-load step: every client in a closed loop. */
    LoadSettings load(InetSocketAddress target, int clients, int block) {
        return LoadSettings.of(workload, target, clients, step)
                .withTiming(step, warmup, Duration.ZERO)
                .withMessageSize(messageSize)
                .withTimeouts(connectTimeout, readTimeout)
                .withSources(sources(target, clients, block));
    }

    /**
     * Loopback source addresses for this many connections to one server port, none when the OS
     * can pick from one; a fresh block of addresses for every use. An address's closed
     * connections stay in TIME_WAIT for a minute, and binding a new socket to it then searches
     * the whole port range on every connect: the next step's 19,800 binds held the load
     * generator's only core for minutes (seen here, platform after virtual at 19,800).
     *
     * @param block a number of its own for each use in a demo (127.1.block.1 onward)
     */
    static List<InetAddress> sources(InetSocketAddress target, int connections, int block) {
        int needed = SourceAddresses.plan(target, connections, List.of(), SystemLimits.ephemeralPorts()).addresses().size();
        List<InetAddress> out = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            out.add(SourceAddresses.ipv4(0x7f010000L + ((block & 0xffff) << 8) + 1 + i));
        }
        return List.copyOf(out);
    }


    /** The active clients of the lab scenario: each at its own pace, like a student. */
    LoadSettings lab(InetSocketAddress target, int block) {
        return load(target, labActive, block).withPacing(labRate, Duration.ZERO);
    }
}
