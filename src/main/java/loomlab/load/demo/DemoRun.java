package loomlab.load.demo;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import loomlab.config.Mode;
import loomlab.load.LoadResult;
import loomlab.load.LoadRun;
import loomlab.load.Numbers;
import loomlab.load.ProgressPrinter;
import loomlab.load.SourceAddresses;
import loomlab.server.Listener;
import loomlab.server.StartupException;

/**
 * The scalability demo: for each client count, each mode in turn gets the same load, and the
 * step's throughput, latency, errors, and (for in-process servers) threads and memory are kept.
 */
public final class DemoRun {

    /** Between steps the previous clients' connections must be gone before the next baseline. */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final int THREAD_SLACK = 8;

    private final DemoSettings settings;
    private final PrintWriter err;
    private final boolean terminal;
    private final List<String> notes = new ArrayList<>();
    /** Platform threads before the previous step began: the level to return to before the next. */
    private int threadsBeforePreviousStep = -1;

    private DemoRun(DemoSettings settings, PrintWriter err, boolean terminal) {
        this.settings = settings;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Runs every step and returns the result; progress goes to {@code err}.
     *
     * @param terminal one rewritten progress line (true) or plain lines
     */
    public static DemoResult run(DemoSettings settings, PrintWriter err, boolean terminal, String version)
            throws InterruptedException, StartupException {
        return new DemoRun(settings, err, terminal).run(version);
    }

    private DemoResult run(String version) throws InterruptedException, StartupException {
        long started = System.nanoTime();
        DemoPlan plan = DemoPlan.of(settings);
        notes.addAll(plan.notes());
        notes.forEach(n -> say("note: " + n));
        double perStep = (settings.warmup().toMillis() + settings.step().toMillis()) / 1000.0 + 2;
        say("demo: " + settings.workload().label() + ", " + plan.runnable() + " steps of about " + Math.round(perStep)
                + " s (" + Numbers.decimal(settings.warmup().toMillis() / 1000.0) + " s warm-up + "
                + Numbers.decimal(settings.step().toMillis() / 1000.0) + " s measured + start and stop): about "
                + Math.max(1, Math.round(plan.runnable() * perStep / 60.0)) + " min");
        List<Step> steps = new ArrayList<>();
        try (InProcessServers servers = settings.inProcess() ? InProcessServers.start(settings.workload(), settings.modes()) : null) {
            if (servers != null) {
                say("servers in this process: " + settings.modes().stream()
                        .map(m -> lower(m) + " " + SourceAddresses.describe(List.of(servers.address(m).getAddress())) + ":"
                                + servers.address(m).getPort())
                        .collect(Collectors.joining(", ")));
            }
            ProcessProbe probe = servers != null ? new ProcessProbe() : null;
            int n = 0;
            for (DemoPlan.Planned p : plan.steps()) {
                if (p.skipped() != null) {
                    steps.add(Step.skipped(Scenario.LADDER, p.mode(), p.clients(), 0, p.skipped()));
                    continue;
                }
                n++;
                String label = String.format(Locale.ROOT, "[%d/%d %s %s]", n, plan.runnable(), lower(p.mode()), Numbers.grouped(p.clients()));
                Step step = servers != null
                        ? runStep(p, servers.address(p.mode()), servers.listener(p.mode()), probe, label)
                        : runStep(p, settings.targets().get(p.mode()), null, null, label);
                steps.add(step);
                say(label + " " + summary(step));
            }
        }
        return new DemoResult(settings.workload().label(), MachineInfo.collect(version), describe(),
                Placement.unpinned("in-process"), java.util.Map.of(), notes, steps, steps.size(), (System.nanoTime() - started) / 1e9, true);
    }

    private Step runStep(DemoPlan.Planned p, InetSocketAddress target, Listener listener, ProcessProbe probe, String label)
            throws InterruptedException {
        if (listener != null) awaitIdle(listener);
        if (probe != null) awaitThreadsGone(probe);
        LoadRun run = LoadRun.prepare(settings.load(target, p.clients()), List.of(), new ProgressPrinter(err, label, terminal));
        ProcessProbe.Sample before = probe != null ? probe.sample() : null;
        if (probe != null) probe.resetPeak();
        run.begin();
        ProcessProbe.Sample atLoad = null;
        long clientsUp;
        Long serverConnections = null;
        Integer peak = null;
        try {
            run.awaitWindowEnd();
            // Everything still connected: the moment to see what the connections cost.
            clientsUp = run.stats().clientsUp();
            if (listener != null) serverConnections = listener.stats().active();
            if (probe != null) {
                atLoad = probe.sample();
                peak = probe.peakThreads();
            }
        } catch (InterruptedException e) {
            run.finish();
            throw e;
        }
        LoadResult r = run.finish();
        Double heapPerClient = null;
        Double rssPerClient = null;
        if (atLoad != null && clientsUp > 0) {
            heapPerClient = (double) (atLoad.heapUsed() - before.heapUsed()) / clientsUp;
            if (atLoad.rss() >= 0 && before.rss() >= 0) rssPerClient = (double) (atLoad.rss() - before.rss()) / clientsUp;
        }
        boolean measured = r.latency().measured();
        return new Step(Scenario.LADDER, p.mode(), p.clients(), 0, null, null, r.requestsPerSecond(),
                measured ? r.latency().p50() : null, measured ? r.latency().p99() : null, r.requests(),
                r.requestErrors() + r.connectFailures() + r.mismatches(), r.clientsConnected(), r.clientsServed(),
                Fairness.of(r.perClient()), null, null, null, null, atLoad == null ? null : atLoad.threads(), serverConnections, null);
    }

    /**
     * Waits until the platform threads of the previous step have ended: a thread's stack leaves the
     * resident memory only when the thread is gone, and the next step's baseline must not count it.
     * A few threads may stay for good (JIT compiler and GC threads the JVM adds under load, carrier
     * threads kept alive for a while), hence the slack.
     */
    private void awaitThreadsGone(ProcessProbe probe) throws InterruptedException {
        if (threadsBeforePreviousStep >= 0) {
            long end = System.nanoTime() + SETTLE.toNanos();
            while (probe.threads() > threadsBeforePreviousStep + THREAD_SLACK && System.nanoTime() < end) Thread.sleep(20);
        }
        threadsBeforePreviousStep = probe.threads();
    }

    /** Waits until the server has closed the previous step's connections (in serial mode, drained its backlog). */
    private void awaitIdle(Listener listener) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (listener.stats().active() > 0 && System.nanoTime() < end) Thread.sleep(20);
        if (listener.stats().active() > 0) {
            notes.add(lower(listener.config().mode()) + ": " + listener.stats().active()
                    + " connections of an earlier step were still open when the next step started");
        }
    }

    static String summary(Step s) {
        StringBuilder b = new StringBuilder();
        b.append(Numbers.grouped(Math.round(s.answersPerSecond()))).append(" req/s  p99 ")
                .append(s.p99Ms() == null ? "-" : Numbers.millis(s.p99Ms()) + " ms")
                .append("  served ").append(Numbers.grouped(s.clientsServed())).append('/').append(Numbers.grouped(s.clients()))
                .append("  errors ").append(Numbers.grouped(s.errors()));
        if (s.serverThreads() != null) b.append("  threads ").append(s.serverThreads());
        return b.toString();
    }

    private Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("protocol", settings.workload().label() + (settings.workload().tcp() && settings.workload().label().equals("echo")
                ? " (each client keeps one connection; " + settings.messageSize() + "-byte messages)"
                : " (a new connection per request)"));
        m.put("client counts", settings.clientCounts().stream().map(Numbers::grouped).collect(Collectors.joining(", ")));
        m.put("modes", settings.modes().stream().map(DemoRun::lower).collect(Collectors.joining(", ")));
        m.put("per step", Numbers.decimal(settings.warmup().toMillis() / 1000.0) + " s warm-up, then "
                + Numbers.decimal(settings.step().toMillis() / 1000.0)
                + " s measured; closed loop (each client sends its next request when the answer is in)");
        m.put("timeouts", "connect " + settings.connectTimeout().toMillis() + " ms, read " + settings.readTimeout().toMillis() + " ms");
        m.put("serial limit", settings.serialMax() == Integer.MAX_VALUE ? "none"
                : "serial steps up to " + Numbers.grouped(settings.serialMax()) + " clients");
        m.put("servers", settings.inProcess()
                ? "in this process (same JVM as the clients), on loopback ephemeral ports"
                : settings.targets().entrySet().stream().map(e -> lower(e.getKey()) + "=" + e.getValue().getAddress().getHostAddress()
                        + ":" + e.getValue().getPort()).collect(Collectors.joining(", ")) + " (external: threads and memory not measured)");
        return m;
    }

    private void say(String line) {
        err.println(line);
        err.flush();
    }

    private static String lower(Mode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
