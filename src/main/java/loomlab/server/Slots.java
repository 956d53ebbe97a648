package loomlab.server;

import java.lang.System.Logger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import loomlab.log.RateLimitedLog;

/**
 * A service's connection slots: its own {@code maxConnections} (one in serial mode) and, for each
 * of them, one of the process-wide {@link ConnectionBudget}. The accept loop takes a slot before
 * it accepts; while either is full, new connections wait in the kernel's backlog, not in our
 * memory (said once per interval, not per client). A connection's end gives its slot back.
 */
final class Slots {

    private final Semaphore service;
    private final int count;
    private final ConnectionBudget budget;
    private final RateLimitedLog fullLog;

    Slots(int count, ConnectionBudget budget, Logger log) {
        this.service = new Semaphore(count);
        this.count = count;
        this.budget = budget;
        this.fullLog = ServiceLogs.warnings(log);
    }

    /** Waits for a slot of the service, then for one of the budget. */
    void take() throws InterruptedException {
        if (!service.tryAcquire()) {
            fullLog.log(() -> "maxConnections (" + count + ") reached: new connections wait in the backlog");
            service.acquire();
        }
        if (!budget.tryAcquire()) {
            fullLog.log(() -> "all " + budget.size() + " connections the open files limit allows (minus the descriptors kept free) are in use:"
                    + " new connections wait in the backlog");
            try {
                budget.acquire();
            } catch (InterruptedException e) {
                service.release();
                throw e;
            }
        }
    }

    void release() {
        budget.release();
        service.release();
    }

    /**
     * Waits up to {@code nanos} until every slot of the service is free, that is until no
     * connection is left (the connections hold the slots); true when that happened.
     */
    boolean awaitAllFree(long nanos) throws InterruptedException {
        if (nanos <= 0 ? !service.tryAcquire(count) : !service.tryAcquire(count, nanos, TimeUnit.NANOSECONDS)) return false;
        service.release(count);
        return true;
    }
}
