package loomlab.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One load run: starts the clients (one virtual thread each), walks through ramp-up, warm-up and
 * the measured window, then stops the clients and collects the result. Plain blocking calls:
 * {@link #run} for the load command; {@link #start}, {@link #awaitWindowEnd} and {@link #finish}
 * for the demo, which samples the server between the end of the window and the stop.
 */
public final class LoadRun {

    /** After the window, how long clients get to finish the request they are in before being cut. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);
    private static final Duration STOP_HARD = Duration.ofSeconds(10);

    final LoadContext ctx;
    private final List<String> notes;
    private final Progress progress;
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread ticker;
    private volatile long phaseStartNanos;
    private volatile long phaseLengthNanos;
    private long windowStartNanos;
    private Instant windowStart;
    private Instant windowEnd;
    private double windowSeconds;

    private LoadRun(LoadSettings settings, List<String> notes, Progress progress) {
        this.ctx = new LoadContext(settings);
        this.notes = new ArrayList<>(notes);
        this.progress = progress;
        for (int i = 0; i < settings.clients(); i++) clients.add(LoadClient.create(i, ctx));
        this.ticker = Thread.ofPlatform().daemon(true).name("load-progress").unstarted(this::tick);
    }

    /** Runs the whole thing: clients, phases, result. */
    public static LoadResult run(LoadSettings settings, List<String> notes, Progress progress) throws InterruptedException {
        LoadRun run = start(settings, notes, progress);
        try {
            run.awaitWindowEnd();
        } finally {
            // even when interrupted: no client thread may outlive the run
            run.stopClients();
        }
        return run.result();
    }

    /** Starts a run: every client begins at once, or spread over the ramp-up. */
    public static LoadRun start(LoadSettings settings, List<String> notes, Progress progress) {
        LoadRun run = prepare(settings, notes, progress);
        run.begin();
        return run;
    }

    /**
     * Sets a run up without starting it: what it allocates for itself (histograms, client
     * objects) exists before {@link #begin}, so that a memory baseline taken in between counts
     * only what the connections add.
     */
    public static LoadRun prepare(LoadSettings settings, List<String> notes, Progress progress) {
        return new LoadRun(settings, notes, progress);
    }

    /** Starts the clients, each on its own virtual thread, and the progress ticker. */
    public void begin() {
        long now = System.nanoTime();
        ctx.startNanos = now;
        phaseStartNanos = now;
        phaseLengthNanos = ctx.settings.rampUp().toNanos();
        Thread.Builder builder = Thread.ofVirtual().name("load-client-", 0);
        for (LoadClient client : clients) threads.add(builder.start(client));
        ticker.start();
    }

    public LoadStats stats() {
        return ctx.stats;
    }

    /** Blocks through ramp-up and warm-up, until the measured window opens. */
    public void awaitWindowStart() throws InterruptedException {
        if (windowStartNanos != 0) return;
        LoadSettings s = ctx.settings;
        sleepUntil(ctx.startNanos + s.rampUp().toNanos());
        // Every client's first connect, at most two connect timeouts late: the window should not
        // open while thousands are still connecting.
        if (!ctx.ready.await(2 * s.connectTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            notes.add(ctx.ready.getCount() + " clients had not finished their first connect when the warm-up began");
        }
        ctx.go.countDown();
        enter(Phase.WARM_UP, s.warmup());
        sleepUntil(phaseStartNanos + s.warmup().toNanos());
        windowStartNanos = System.nanoTime();
        windowStart = Instant.now();
        enter(Phase.MEASURING, s.duration());
    }

    /** Blocks through ramp-up, warm-up and the measured window; the clients go on afterwards. */
    public void awaitWindowEnd() throws InterruptedException {
        awaitWindowStart();
        sleepUntil(windowStartNanos + ctx.settings.duration().toNanos());
        enter(Phase.HOLDING, Duration.ZERO);
        windowSeconds = (System.nanoTime() - windowStartNanos) / 1e9;
        windowEnd = windowStart.plusNanos(System.nanoTime() - windowStartNanos);
    }

    /** Stops the clients and returns what was measured. */
    public LoadResult finish() throws InterruptedException {
        stopClients();
        return result();
    }

    private void stopClients() throws InterruptedException {
        if (ctx.stopping()) return;
        enter(Phase.STOPPING, STOP_GRACE);
        ctx.go.countDown(); // clients still waiting to start: they see STOPPING and end
        long graceEnd = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread t : threads) {
            long left = graceEnd - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) break;
        }
        // Clients still waiting for an answer: interrupting a virtual thread blocked on a socket
        // closes the socket, so each returns at once.
        for (Thread t : threads) {
            if (t.isAlive()) t.interrupt();
        }
        long hardEnd = System.nanoTime() + STOP_HARD.toNanos();
        int stuck = 0;
        for (Thread t : threads) {
            long left = hardEnd - System.nanoTime();
            if (!t.join(Duration.ofNanos(Math.max(1, left)))) stuck++;
        }
        if (stuck > 0) notes.add(stuck + " clients did not stop within " + STOP_HARD.toSeconds() + " s of the end");
        if (ticker.isAlive()) {
            ticker.interrupt();
            ticker.join(STOP_HARD);
        }
        progress.finished();
    }

    /**
     * Seconds from the start of the run until every client had its first answer (the connect
     * storm: connects, then one answer each), or empty when some client never got one. Call after
     * the clients stopped.
     */
    public OptionalDouble allAnsweredSeconds() {
        long last = 0;
        for (LoadClient c : clients) {
            if (c.firstAnswerNanos == 0) return OptionalDouble.empty();
            last = Math.max(last, c.firstAnswerNanos);
        }
        return OptionalDouble.of((last - ctx.startNanos) / 1e9);
    }

    private LoadResult result() {
        long[] answers = new long[clients.size()];
        long connected = 0;
        long served = 0;
        for (int i = 0; i < answers.length; i++) {
            LoadClient c = clients.get(i);
            answers[i] = c.answeredInWindow;
            if (c.everConnected) connected++;
            if (c.answeredInWindow > 0) served++;
        }
        Arrays.sort(answers);
        long[] perClient = {answers[0], answers[answers.length / 2], answers[answers.length - 1]};
        LoadStats st = ctx.stats;
        Histogram window = ctx.latency.window();
        RawWindow raw = windowEnd == null ? null : new RawWindow(windowStart, windowEnd, window, answers);
        return new LoadResult(ctx.settings, List.copyOf(notes), windowSeconds, st.answeredInWindow(), st.answered(),
                LatencySummary.of(window), connected, served, perClient, st.connects(), st.errorCounts(),
                st.examples(), st.mismatches(), st.late(), st.cutAtStop(), raw);
    }

    private void enter(Phase phase, Duration length) {
        phaseStartNanos = System.nanoTime();
        phaseLengthNanos = length.toNanos();
        ctx.phase(phase);
    }

    /** Once a second: what the run looks like now. */
    private void tick() {
        long next = System.nanoTime();
        long lastAnswered = 0;
        long lastNanos = next;
        while (!Thread.currentThread().isInterrupted()) {
            next += 1_000_000_000L;
            try {
                sleepUntil(next);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long answered = ctx.stats.answered();
            Histogram last = ctx.latency.drainLive();
            double rate = (answered - lastAnswered) / ((now - lastNanos) / 1e9);
            double p99 = last.getTotalCount() == 0 ? -1 : last.getValueAtPercentile(99) / 1000.0;
            progress.update(new Progress.Snapshot(ctx.phase(), (now - phaseStartNanos) / 1e9, phaseLengthNanos / 1e9,
                    ctx.stats.clientsUp(), ctx.settings.clients(), rate, p99, ctx.stats.allErrors()));
            lastAnswered = answered;
            lastNanos = now;
        }
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
    }
}
