package loomlab.server;

import java.util.concurrent.Semaphore;
import loomlab.config.ServerConfig;
import loomlab.metrics.FdLimitCheck;
import loomlab.metrics.ProcessMetrics;

/**
 * Connections of all TCP services together, when the open files limit is lower than their
 * limits allow: the last {@code reservedFds} descriptors are kept for the admin endpoint, logging
 * and the JVM. Without it a full server would also starve its own dashboard (the JDK's HTTP server
 * even spins when its accept fails). Connections beyond it wait in the backlog, as beyond
 * {@code maxConnections}. {@link #UNLIMITED} when the limit covers everything: no cost at all.
 */
final class ConnectionBudget {

    static final ConnectionBudget UNLIMITED = new ConnectionBudget(0);

    private final long size;
    private final Semaphore permits;

    private ConnectionBudget(long size) {
        this.size = size;
        this.permits = size > 0 ? new Semaphore((int) Math.min(Integer.MAX_VALUE, size)) : null;
    }

    static ConnectionBudget of(ServerConfig config) {
        return FdLimitCheck.connectionBudget(config, ProcessMetrics.maxFds()).stream()
                .mapToObj(ConnectionBudget::new).findFirst().orElse(UNLIMITED);
    }

    /** For tests: a budget of {@code size} connections. */
    static ConnectionBudget of(long size) {
        return new ConnectionBudget(size);
    }

    boolean limited() {
        return permits != null;
    }

    long size() {
        return size;
    }

    boolean tryAcquire() {
        return permits == null || permits.tryAcquire();
    }

    void acquire() throws InterruptedException {
        if (permits != null) permits.acquire();
    }

    void release() {
        if (permits != null) permits.release();
    }
}
