package loomlab.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import loomlab.config.ServiceConfig;
import loomlab.metrics.ServiceStats;

/** A bound service endpoint with its own loop: a TCP accept loop or a UDP receive loop. */
public interface Listener extends AutoCloseable {

    ServiceConfig config();

    /** The address actually bound (the real port when the config said 0). */
    InetSocketAddress address();

    ServiceStats stats();

    /** The service's last exchanges when it is traced ({@code "trace": true}), else empty. */
    default Optional<TraceRing> traces() {
        return Optional.empty();
    }

    /** Starts the loop on its own thread; returns at once. */
    void start();

    /** True while the loop runs and has not been told to stop (for the admin /health check). */
    boolean running();

    /** Stops taking new work, lets work in progress finish until {@code deadline}, then cuts it. */
    void shutdown(long deadlineNanos);

    /** Stops at once. */
    @Override
    void close();

    /** Waits up to {@code timeout} for work in progress to end; true when none is left. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;
}
