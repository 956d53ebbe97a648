package loomlab.server;

import java.util.concurrent.Semaphore;

/**
 * Connections of all TCP services together, when the open files limit is lower than their
 * limits allow: the descriptors of the {@link FdReserve} (what the process holds
 * at start, the admin endpoint's share, {@code reservedFds}) are never taken by a connection.
 * Without it a full server would also starve its own dashboard. Connections beyond it wait in the
 * backlog, as beyond {@code maxConnections}. Its size is settled once, after the services are
 * bound (so that their sockets are measured) and before any of them accepts; unlimited when the
 * limit covers everything: no cost at all.
 */
final class ConnectionBudget {

    private long size;
    /** Null while unlimited; set before the accept loops start (Thread.start orders it before their reads). */
    private Semaphore permits;

    private ConnectionBudget() { }

    /** A budget to be settled once the services are bound. */
    static ConnectionBudget unsettled() {
        return new ConnectionBudget();
    }

    /** {@code size} connections at most; 0 or less: unlimited. Once, before any accept loop starts. */
    void settle(long size) {
        if (permits != null) throw new IllegalStateException("settled already");
        this.size = Math.max(0, size);
        if (size > 0) permits = new Semaphore((int) Math.min(Integer.MAX_VALUE, size));
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
