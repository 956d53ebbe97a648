package loomlab.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import loomlab.config.WireOrder;

/**
 * One load run, as the command line or the demo describes it. Checked here, in one place; the
 * messages name the command-line option.
 *
 * @param target         the server (resolved)
 * @param clients        concurrent clients, each a virtual thread
 * @param duration       the measured window
 * @param warmup         run, but not measured, after the ramp-up
 * @param rampUp         clients start spread evenly over this time (zero: all at once)
 * @param messageSize    echo: bytes per message
 * @param ratePerClient  requests per second per client; 0 = closed loop (next request when the answer is in)
 * @param think          pause between an answer and the next request; zero = none
 * @param sources        local source addresses the clients are spread over; empty = the OS picks
 * @param order          udp-calc: byte order of the integers
 * @param connectTimeout how long a connect may take
 * @param readTimeout    how long an answer may take
 */
public record LoadSettings(
        Workload workload,
        InetSocketAddress target,
        int clients,
        Duration duration,
        Duration warmup,
        Duration rampUp,
        int messageSize,
        double ratePerClient,
        Duration think,
        List<InetAddress> sources,
        WireOrder order,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final int DEFAULT_CLIENTS = 100;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    public static final int DEFAULT_MESSAGE_SIZE = 64;
    /** Larger echo messages could fill both directions' socket buffers while the client still writes. */
    public static final int MAX_MESSAGE_SIZE = 64 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TCP_READ_TIMEOUT = Duration.ofSeconds(5);
    /** A UDP reply on loopback takes microseconds; one second later it is lost, not late. */
    public static final Duration DEFAULT_UDP_READ_TIMEOUT = Duration.ofSeconds(1);

    public LoadSettings {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(target, "target");
        sources = List.copyOf(sources);
        require(clients >= 1, "--clients must be at least 1 (got " + clients + ")");
        require(positive(duration), "--duration must be longer than zero");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(!rampUp.isNegative(), "--ramp-up must not be negative");
        require(messageSize >= 1 && messageSize <= MAX_MESSAGE_SIZE,
                "--size must be between 1 and " + MAX_MESSAGE_SIZE + " bytes (got " + messageSize + ")");
        require(ratePerClient >= 0 && Double.isFinite(ratePerClient), "--rate must be a positive number of requests per second");
        require(!think.isNegative(), "--think must not be negative");
        require(ratePerClient == 0 || think.isZero(), "--rate and --think exclude each other: pick one");
        require(positive(connectTimeout), "--connect-timeout must be longer than zero");
        require(positive(readTimeout), "--read-timeout must be longer than zero");
        require(readTimeout.toMillis() <= Integer.MAX_VALUE && connectTimeout.toMillis() <= Integer.MAX_VALUE,
                "timeouts must be shorter than 24 days");
    }

    /** Settings with the defaults of the command line for everything but the essentials. */
    public static LoadSettings of(Workload workload, InetSocketAddress target, int clients, Duration duration) {
        return new LoadSettings(workload, target, clients, duration, DEFAULT_WARMUP, Duration.ZERO,
                DEFAULT_MESSAGE_SIZE, 0, Duration.ZERO, List.of(), WireOrder.LITTLE,
                DEFAULT_CONNECT_TIMEOUT, defaultReadTimeout(workload));
    }

    public static Duration defaultReadTimeout(Workload workload) {
        return workload.tcp() ? DEFAULT_TCP_READ_TIMEOUT : DEFAULT_UDP_READ_TIMEOUT;
    }

    public LoadSettings withTiming(Duration newDuration, Duration newWarmup, Duration newRampUp) {
        return new LoadSettings(workload, target, clients, newDuration, newWarmup, newRampUp, messageSize,
                ratePerClient, think, sources, order, connectTimeout, readTimeout);
    }

    public LoadSettings withClients(int newClients) {
        return new LoadSettings(workload, target, newClients, duration, warmup, rampUp, messageSize,
                ratePerClient, think, sources, order, connectTimeout, readTimeout);
    }

    public LoadSettings withMessageSize(int newSize) {
        return new LoadSettings(workload, target, clients, duration, warmup, rampUp, newSize,
                ratePerClient, think, sources, order, connectTimeout, readTimeout);
    }

    /** A rate per client, or a think time, or neither (closed loop): at most one of the two. */
    public LoadSettings withPacing(double newRate, Duration newThink) {
        return new LoadSettings(workload, target, clients, duration, warmup, rampUp, messageSize,
                newRate, newThink, sources, order, connectTimeout, readTimeout);
    }

    public LoadSettings withOrder(WireOrder newOrder) {
        return new LoadSettings(workload, target, clients, duration, warmup, rampUp, messageSize,
                ratePerClient, think, sources, newOrder, connectTimeout, readTimeout);
    }

    public LoadSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new LoadSettings(workload, target, clients, duration, warmup, rampUp, messageSize,
                ratePerClient, think, sources, order, newConnectTimeout, newReadTimeout);
    }

    public LoadSettings withSources(List<InetAddress> newSources) {
        return new LoadSettings(workload, target, clients, duration, warmup, rampUp, messageSize,
                ratePerClient, think, newSources, order, connectTimeout, readTimeout);
    }

    /** "closed loop", "20 req/s per client", "think 100ms" */
    public String pacing() {
        if (ratePerClient > 0) return Numbers.decimal(ratePerClient) + " req/s per client";
        if (!think.isZero()) return "think " + think.toMillis() + " ms";
        return "closed loop";
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
