package loomlab.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Enforces the read timeout of every TCP client of a run: one thread that looks at each client's
 * connection a few times per timeout and cuts the ones that have waited too long for their answer.
 *
 * <p>Why not {@code Socket.setSoTimeout}: on a virtual thread, every read that has to wait with a
 * timeout schedules a timer task and cancels it when the answer comes, tens of thousands of times
 * a second with ten thousand clients; the server dropped its socket timeouts for the same reason
 * (see server/TimeLimitSweeper). Here a request costs two writes of a field; the sweep costs
 * one read per client every sweep interval. A request that waits longer than the read timeout is
 * cut within one interval after the limit (a quarter of the timeout, 10 ms to 1 s): its socket is
 * closed and the client's read fails as a {@link java.net.SocketTimeoutException}, which counts as
 * a read timeout, at the time it waited, like before.
 */
final class TimeoutSweeper {

    private final LoadContext ctx;
    private final long limitNanos;
    private final long everyMillis;
    /** The current (or last) connection of each client, by client index. */
    private final AtomicReferenceArray<TcpLink> links;
    private volatile Thread thread;
    private boolean stopped;

    TimeoutSweeper(LoadContext ctx) {
        this.ctx = ctx;
        Duration limit = ctx.settings.readTimeout();
        this.limitNanos = limit.toNanos();
        this.everyMillis = Math.clamp(limit.toMillis() / 4, 10, 1_000);
        this.links = new AtomicReferenceArray<>(ctx.settings.clients());
    }

    /** From now on, the requests of client {@code client} on {@code link} are watched. */
    void watch(int client, TcpLink link) {
        links.set(client, link);
        if (thread == null) startOnce();
    }

    private synchronized void startOnce() {
        if (thread != null || stopped) return;
        thread = Thread.ofPlatform().daemon(true).name("load-timeouts").start(this::sweepUntilStopped);
    }

    /** Ends the sweeper (the run is stopping: what is still waiting is cut by the stop itself). */
    synchronized void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }

    /** True while the sweeper's thread runs. */
    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void sweepUntilStopped() {
        while (!ctx.stopping()) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            }
            sweep(System.nanoTime());
        }
    }

    /** Cuts every request that has waited longer than the read timeout at {@code nowNanos}; returns how many. */
    int sweep(long nowNanos) {
        int cut = 0;
        for (int i = 0; i < links.length(); i++) {
            TcpLink link = links.get(i);
            if (link != null && link.cutIfWaitingLonger(nowNanos, limitNanos)) cut++;
        }
        return cut;
    }
}
