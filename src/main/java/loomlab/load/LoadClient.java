package loomlab.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated client: runs on its own virtual thread until the run stops. Subclasses hold the
 * protocol; this class holds the bookkeeping every client shares.
 */
abstract class LoadClient implements Runnable {

    private static final long BACKOFF_MIN_MILLIS = 50;
    private static final long BACKOFF_MAX_MILLIS = 1_000;

    final int index;
    final LoadContext ctx;
    /** Written only by the client's own thread; read after it ended (join orders the two). */
    long answeredInWindow;
    boolean everConnected;
    /** When this client's first answer came (System.nanoTime), or 0 before that: the connect storm's end. */
    long firstAnswerNanos;
    private boolean readySignalled;
    private long backoffMillis;

    LoadClient(int index, LoadContext ctx) {
        this.index = index;
        this.ctx = ctx;
    }

    static LoadClient create(int index, LoadContext ctx) {
        return switch (ctx.settings.workload()) {
            case ECHO -> new EchoLoadClient(index, ctx);
            case CALC -> new CalcLoadClient(index, ctx);
            case UDP_CALC -> new UdpCalcLoadClient(index, ctx);
        };
    }

    @Override
    public final void run() {
        try {
            long wait = ctx.startOf(index) - System.nanoTime();
            if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
            loop();
        } catch (InterruptedException e) {
            // the run is over: nothing to report
        } finally {
            signalReady();
        }
    }

    /** Sends requests until the run stops. */
    abstract void loop() throws InterruptedException;

    /**
     * Waits for the start signal, then returns this client's pacer: its schedule begins when the
     * client may send, not before, or a rate would start with a backlog of missed requests.
     */
    final Pacer startSending() throws InterruptedException {
        signalReady();
        ctx.awaitGo();
        return new Pacer(ctx.settings, ctx.pacerClock);
    }

    /** After the first connect attempt, successful or not: the run waits for every client's. */
    final void signalReady() {
        if (!readySignalled) {
            readySignalled = true;
            ctx.ready.countDown();
        }
    }

    final void answered(long intendedNanos, long endNanos) {
        // One read of the phase for all three, so the window's counts and histogram agree.
        boolean inWindow = ctx.measuring();
        ctx.latency.record(index, endNanos - intendedNanos, inWindow);
        ctx.stats.addAnswer(inWindow);
        if (inWindow) answeredInWindow++;
        if (firstAnswerNanos == 0) firstAnswerNanos = endNanos;
        backoffMillis = 0;
    }

    final void mismatch() {
        if (!ctx.stopping()) ctx.stats.addMismatch();
    }

    /**
     * A request failed. A request that timed out also goes into the latency histogram, at the time
     * it waited: a server that leaves clients waiting must show in p99, not vanish from it.
     */
    final void failed(ErrorKind kind, String example, long intendedNanos, long endNanos) {
        if (ctx.stopping()) {
            ctx.stats.addCutAtStop();
            return;
        }
        ctx.stats.addError(kind, example);
        boolean waited = kind == ErrorKind.READ_TIMEOUT || kind == ErrorKind.LOST || kind == ErrorKind.CONNECT_TIMEOUT;
        if (waited && endNanos > intendedNanos) {
            ctx.latency.record(index, endNanos - intendedNanos, ctx.measuring());
        }
    }

    final void failed(ErrorKind kind, IOException e, long intendedNanos, long endNanos) {
        failed(kind, String.valueOf(e.getMessage()), intendedNanos, endNanos);
    }

    /** After a failed connect: wait a little longer each time, so a dead server is not hammered. */
    final void backOff() throws InterruptedException {
        backoffMillis = backoffMillis == 0 ? BACKOFF_MIN_MILLIS : Math.min(BACKOFF_MAX_MILLIS, backoffMillis * 2);
        if (!ctx.stopping()) Thread.sleep(ThreadLocalRandom.current().nextLong(backoffMillis / 2, backoffMillis + 1));
    }
}
