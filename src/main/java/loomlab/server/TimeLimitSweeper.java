package loomlab.server;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;

/**
 * One per TCP service, on its own virtual thread: enforces the connections' time limits without
 * a timer per connection. A peer that stops reading while the server writes (a half-open
 * connection, a client that sends and never reads its echo) would hold its thread forever, so
 * such a connection is closed after readTimeout; a read that waits longer than readTimeout (a
 * client that sends nothing), or past a read deadline (the protocol's request deadline, the PROXY
 * header's), is ended as a timeout (see {@link TcpConnection}: cheaper than socket timeouts). A
 * limit fires within one sweep interval (a quarter of the shortest limit, 50 ms to 1 s) after it
 * is reached. Not to be confused with the load generator's {@code load/TimeoutSweeper}, which
 * times the generator's own requests.
 */
final class TimeLimitSweeper implements Runnable {

    private final Set<TcpConnection> open;
    private final ServiceStats stats;
    private final RateLimitedLog stallLog;
    private final RateLimitedLog trouble;
    private final long readTimeoutMillis;
    /** 0: no idle or stall limit (read deadlines still apply). */
    private final long idleLimitNanos;
    private final long everyMillis;
    private volatile boolean stopping;

    /**
     * The limits in milliseconds, 0 for none: {@code readTimeoutMillis}, the protocol's
     * {@code deadlineMillis} and the PROXY {@code headerTimeoutMillis} (these two only set how
     * often it looks: the connection carries its deadline).
     */
    TimeLimitSweeper(Set<TcpConnection> open, long readTimeoutMillis, long deadlineMillis, long headerTimeoutMillis,
                     ServiceStats stats, ServiceLogs logs) {
        this.open = open;
        this.stats = stats;
        this.stallLog = ServiceLogs.warnings(logs.log());
        this.trouble = logs.upkeep();
        this.readTimeoutMillis = readTimeoutMillis;
        this.idleLimitNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        long shortest = shortest(shortest(readTimeoutMillis, deadlineMillis), headerTimeoutMillis);
        this.everyMillis = shortest == 0 ? 0 : Math.clamp(shortest / 4, 50, 1_000);
    }

    /** False when there is no limit to enforce: then no sweeper thread is started at all. */
    boolean needed() {
        return everyMillis > 0;
    }

    /** Ends the sweeps; the caller interrupts the thread to cut its pause short. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        while (!stopping) {
            Backoff.sleep(everyMillis);
            try {
                sweep(System.nanoTime());
            } catch (RuntimeException | Error e) {
                // One bad sweep (a bug, or no memory for a moment) must not end the time limits for good.
                trouble.log(() -> "the timeout sweep failed (" + e + "); it goes on at the next one");
            }
        }
    }

    /** One look at every connection: a stalled write is closed, an overdue read ended. */
    private void sweep(long now) {
        for (TcpConnection c : open) {
            if (idleLimitNanos > 0 && c.writeStalled(now, idleLimitNanos)) {
                stats.timeout();
                stallLog.log(() -> "closing connection from " + c.peer() + ": it has not read what the server sent for "
                        + readTimeoutMillis + " ms (readTimeout)");
                c.close();
            } else if (c.readOverdue(now, idleLimitNanos)) {
                c.endIdleRead(); // the connection's thread counts and logs the timeout
            }
        }
    }

    /** The shorter of two limits, where 0 means none. */
    private static long shortest(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
}
