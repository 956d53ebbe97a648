package loomlab.load.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import loomlab.config.Mode;
import loomlab.load.LoadResult;
import loomlab.load.LoadRun;
import loomlab.load.Numbers;
import loomlab.load.Progress;
import loomlab.load.ProgressPrinter;
import loomlab.server.ConnectionRunner;
import loomlab.text.Printable;

/**
 * The scalability demo: for each client count, each mode in turn gets the same load from this
 * process, against a fresh server process of its own, pinned to other cores than this one. What
 * a connection costs is read from outside the server (/proc), against the same process before
 * any client connected. After the rising load, the lab scenario: idle connections and a few
 * active clients.
 */
public final class DemoRun {

    private static final int WARM_CLIENTS = 10;
    /** Characters of a server's line or an error's message shown in a note. */
    static final int MAX_SHOWN = 300;
    private static final Duration WARM_TIME = Duration.ofSeconds(1);

    private final DemoSettings settings;
    private final PrintWriter err;
    private final boolean terminal;
    private final Consumer<DemoResult> onStep;
    private final List<String> command;
    private final List<String> notes = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> machine;
    private final MachineLimits limits;
    private Placement placement;
    private long started;
    private int planned;

    private DemoRun(DemoSettings settings, PrintWriter err, boolean terminal, Consumer<DemoResult> onStep, List<String> command,
                    String version) {
        this.settings = settings;
        this.err = err;
        this.terminal = terminal;
        this.onStep = onStep;
        this.command = command;
        this.limits = MachineLimits.read();
        this.machine = MachineInfo.collect(version);
    }

    /**
     * Runs every step and returns the result; progress goes to {@code err}, and a snapshot of the
     * result so far to {@code onStep} after every step (the live page).
     *
     * @param terminal one rewritten progress line (true) or plain lines
     * @param command  how to start a server process (normally {@link #serverCommand()})
     */
    public static DemoResult run(DemoSettings settings, PrintWriter err, boolean terminal, String version,
                                 Consumer<DemoResult> onStep, List<String> command) throws InterruptedException, IOException {
        return new DemoRun(settings, err, terminal, onStep, command, version).run();
    }

    /** This program, as a command that starts a server process. */
    public static List<String> serverCommand() {
        return ModeServer.selfCommand();
    }

    private DemoResult run() throws InterruptedException, IOException {
        started = System.nanoTime();
        placement = place();
        DemoPlan plan = DemoPlan.of(settings, limits);
        planned = plan.steps().size();
        notes.addAll(plan.notes());
        if (!placement.pinned()) {
            notes.add(0, "not pinned: " + placement.why() + ". The servers and the load generator share the CPU, so the "
                    + "throughput column is not a fair comparison: whoever has more runnable threads gets more CPU.");
        }
        Path logs = Files.createDirectories(settings.out().resolve("servers"));
        say("demo: " + settings.workload().label() + ", " + plan.runnable() + " steps, about "
                + Math.max(1, Math.round(plan.estimatedSeconds(settings) / 60.0)) + " min; up to "
                + Numbers.grouped(plan.largest()) + " clients (" + limitWords() + ")");
        say(placement.pinned()
                ? "cores: servers on " + Affinity.format(placement.serverCores()) + ", load generator on "
                  + Affinity.format(placement.loadCores()) + " (every mode gets the same CPU)"
                : "cores: not pinned (" + placement.why() + ")");
        notes.forEach(n -> say("note: " + n));
        publish(false);
        int n = 0;
        Map<Mode, String> stoppedAt = new LinkedHashMap<>();
        for (DemoPlan.Planned p : plan.steps()) {
            if (p.skipped() != null) {
                steps.add(Step.skipped(p.scenario(), p.mode(), p.clients(), p.idle(), p.skipped()));
                continue;
            }
            if (stoppedAt.containsKey(p.mode())) {
                steps.add(Step.skipped(p.scenario(), p.mode(), p.clients(), p.idle(), "not run: " + stoppedAt.get(p.mode())));
                publish(false);
                continue;
            }
            n++;
            String label = String.format(Locale.ROOT, "[%d/%d %s%s %s]", n, plan.runnable(),
                    p.scenario() == Scenario.LAB ? "lab " : "", lower(p.mode()),
                    Numbers.grouped(p.clients()) + (p.idle() > 0 ? " + " + Numbers.grouped(p.idle()) + " idle" : ""));
            Step step = runStep(p, logs, label, n);
            steps.add(step);
            say(label + " " + summary(step));
            if (step.stopped() != null) {
                say(label + " stopped: " + step.stopped());
                stoppedAt.put(p.mode(), lower(p.mode()) + " stopped at " + Numbers.grouped(p.connections())
                        + " connections: " + step.stopped());
            }
            publish(false);
        }
        return snapshot(true);
    }

    /** Where the servers and this process (the load generator) run; pins this process. */
    private Placement place() {
        Placement planned = Placement.plan(Affinity.allowedCores(), Affinity.tasksetAvailable(), settings.pin());
        if (!planned.pinned()) return planned;
        // Virtual threads not started yet get as many carriers as the cores this process keeps.
        if (System.getProperty("jdk.virtualThreadScheduler.parallelism") == null) {
            System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(planned.loadCores().size()));
        }
        if (!Affinity.pinSelf(planned.loadCores())) {
            return Placement.unpinned("taskset could not move this process to cores " + Affinity.format(planned.loadCores()));
        }
        return planned;
    }

    private Step runStep(DemoPlan.Planned p, Path logs, String label, int n) throws InterruptedException, IOException {
        String tag = String.format(Locale.ROOT, "%02d-%s%s-%d", n, p.scenario() == Scenario.LAB ? "lab-" : "", lower(p.mode()),
                p.connections());
        // Room for every connection of the step, so that only the machine can say no.
        int maxConnections = p.connections() + 64;
        try (ModeServer server = ModeServer.start(command, settings.workload(), p.mode(), maxConnections, placement.serverCores(),
                logs, tag)) {
            warm(server, p);
            ProcFiles.Sample baseline = server.settle();
            long filesBefore = ProcFiles.openFiles(server.pid()).orElse(-1);
            long kernelBefore = ProcFiles.kernelBytes().orElse(0);
            IdleConnections idle = null;
            try {
                if (p.idle() > 0) {
                    say(label + " opening " + Numbers.grouped(p.idle()) + " idle connections");
                    long t0 = System.nanoTime();
                    idle = IdleConnections.open(server.address(), p.idle(), DemoSettings.sources(server.address(), p.idle(), 2 * n + 1),
                            settings.connectTimeout());
                    say(label + " " + Numbers.grouped(idle.held()) + " idle connections open after "
                            + Numbers.decimal((System.nanoTime() - t0) / 1e9) + " s"
                            + (idle.failed() > 0 ? ", " + Numbers.grouped(idle.failed()) + " failed (" + idle.firstError() + ")" : ""));
                }
                LoadRun run = LoadRun.prepare(p.scenario() == Scenario.LAB ? settings.lab(server.address(), 2 * n)
                        : settings.load(server.address(), p.clients(), 2 * n), List.of(), new ProgressPrinter(err, label, terminal));
                run.begin();
                ProcFiles.Sample windowStart;
                ProcFiles.Sample atLoad;
                long kernelAtLoad;
                long filesAtLoad;
                try {
                    run.awaitWindowStart();
                    windowStart = server.sample();
                    run.awaitWindowEnd();
                    // Everything still connected: the moment to see what the connections cost.
                    atLoad = server.sample();
                    kernelAtLoad = ProcFiles.kernelBytes().orElse(0);
                    filesAtLoad = ProcFiles.openFiles(server.pid()).orElse(-1);
                } catch (InterruptedException | RuntimeException e) {
                    run.finish(); // no client thread may outlive the step
                    throw e;
                }
                LoadResult r = run.finish();
                errorNote(label, r);
                OptionalDouble storm = run.allAnsweredSeconds();
                StepFigures.Observed seen = new StepFigures.Observed(baseline, windowStart, atLoad, kernelBefore, kernelAtLoad,
                        filesBefore, filesAtLoad);
                return StepFigures.of(p, r, seen, storm, server.pid(), stopped(server, p),
                        idle == null ? 0 : idle.held(), idle == null ? 0 : idle.failed());
            } finally {
                if (idle != null) idle.close();
            }
        }
    }

    /**
     * A second of load from a few clients before the baseline, then they leave: the JIT compiles
     * the server's hot path and the heap grows to what the load's allocation needs, so that what
     * the step adds over the baseline is the connections' cost, not the JVM's own warming up
     * (tens of MiB at full speed, the same for 10 clients as for 1,000).
     */
    private void warm(ModeServer server, DemoPlan.Planned p) throws InterruptedException {
        int clients = ConnectionRunner.of(p.mode()).connectionsAtOnce(Math.min(WARM_CLIENTS, Math.max(1, p.clients())));
        LoadRun.run(settings.load(server.address(), clients, 0).withTiming(WARM_TIME, Duration.ZERO,
                Duration.ZERO), List.of(), Progress.NONE);
    }

    /** Errors are a result too: which kinds, with the first message of each, in the notes. */
    private void errorNote(String label, LoadResult r) {
        long total = r.requestErrors() + r.connectFailures() + r.mismatches();
        if (total == 0) return;
        String kinds = r.errors().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Numbers.grouped(e.getValue()) + " " + e.getKey().label()
                        + (r.examples().containsKey(e.getKey()) ? " (" + shown(r.examples().get(e.getKey())) + ")" : ""))
                .collect(Collectors.joining(", "));
        String note = label + " " + Numbers.grouped(total) + " errors: " + kinds
                + (r.mismatches() > 0 ? (kinds.isEmpty() ? "" : ", ") + Numbers.grouped(r.mismatches()) + " wrong answers" : "");
        notes.add(note);
        say("note: " + note);
    }

    /** A line of a server's output or an error's message in the report: made visible, cut. */
    static String shown(String text) {
        return Printable.shortened(text, Printable.Style.HEX, MAX_SHOWN, "…");
    }

    /** Why this mode can go no further, from what its server said or did; null when it held. */
    private String stopped(ModeServer server, DemoPlan.Planned p) {
        if (server.threadTrouble() != null) {
            long left = limits.platformThreadsLeft();
            return "the server could not start a thread for every connection ("
                    + shown(server.threadTrouble()) + "). Threads are capped by kernel.pid_max ("
                    + Numbers.grouped(limits.pidMax()) + " for all processes together) and vm.max_map_count ("
                    + Numbers.grouped(limits.maxMapCount()) + " maps per process, two per thread)"
                    + (left >= 0 ? "; about " + Numbers.grouped(left) + " threads were left when the demo began" : "");
        }
        if (server.fileTrouble() != null) {
            return "the server ran out of file descriptors (" + shown(server.fileTrouble()) + ")";
        }
        if (!server.alive()) {
            return "the server process ended during the step (exit code " + server.exitValue() + "); its output is in "
                    + server.log();
        }
        return null;
    }

    private String limitWords() {
        long left = limits.platformThreadsLeft();
        return "open files " + (limits.openFiles() == Long.MAX_VALUE ? "unlimited" : Numbers.grouped(limits.openFiles()))
                + " per process, " + Numbers.grouped(limits.ephemeralPorts()) + " ephemeral ports"
                + (left >= 0 ? ", " + Numbers.grouped(left) + " threads left for platform mode" : "");
    }

    private void publish(boolean finished) {
        if (onStep != null) onStep.accept(snapshot(finished));
    }

    private DemoResult snapshot(boolean finished) {
        return new DemoResult(settings.workload().label(), machine, describe(), placement, limits.describe(), notes, steps,
                planned, (System.nanoTime() - started) / 1e9, finished);
    }

    static String summary(Step s) {
        StringBuilder b = new StringBuilder();
        b.append(Numbers.grouped(Math.round(s.answersPerSecond()))).append(" answers/s  p99 ")
                .append(s.p99Ms() == null ? "-" : Numbers.millis(s.p99Ms()) + " ms")
                .append("  served ").append(Numbers.grouped(s.clientsServed())).append('/').append(Numbers.grouped(s.clients()))
                .append("  errors ").append(Numbers.grouped(s.errors()));
        if (s.serverCpuMicrosPerAnswer() != null) b.append("  cpu ").append(Numbers.decimal(s.serverCpuMicrosPerAnswer())).append(" µs/answer");
        if (s.serverThreads() != null) b.append("  threads ").append(Numbers.grouped(s.serverThreads()));
        MemoryCost m = s.memory();
        if (m != null) {
            b.append("  memory ").append(m.rssPerConnection() != null ? Numbers.bytes(m.rssPerConnection()) + "/conn"
                    : m.rssUpperBound() != null ? "within noise (≤ " + Numbers.bytes(m.rssUpperBound()) + "/conn)" : "-");
            if (m.kernelPerConnection() != null) b.append(" + kernel ").append(Numbers.bytes(m.kernelPerConnection()));
        }
        return b.toString();
    }

    private Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("protocol", settings.workload().label() + (settings.workload().label().equals("echo")
                ? " (each client keeps one connection; " + settings.messageSize() + "-byte messages)"
                : " (a new connection per request)"));
        m.put("modes", settings.modes().stream().map(DemoRun::lower).collect(Collectors.joining(", ")));
        m.put("per step", Numbers.decimal(settings.warmup().toMillis() / 1000.0) + " s warm-up, then "
                + Numbers.decimal(settings.step().toMillis() / 1000.0)
                + " s measured; closed loop (each client sends its next request when the answer is in)");
        m.put("lab scenario", settings.labIdle() != null && settings.labIdle() == 0 ? "off"
                : settings.labActive() + " active clients at " + Numbers.decimal(settings.labRate())
                  + " requests/s each, beside the idle connections");
        m.put("timeouts", "connect " + settings.connectTimeout().toMillis() + " ms, read " + settings.readTimeout().toMillis() + " ms");
        m.put("serial limit", settings.serialMax() == Integer.MAX_VALUE ? "none"
                : "serial steps up to " + Numbers.grouped(settings.serialMax()) + " clients");
        m.put("servers", "a fresh process per step (" + String.join(" ", command.subList(0, 1))
                + " ... --config FILE), one service on a loopback ephemeral port, JFR pinning watch off; configs and logs in "
                + settings.out().resolve("servers"));
        m.put("cores", placement.pinned()
                ? "servers " + Affinity.format(placement.serverCores()) + ", load generator " + Affinity.format(placement.loadCores())
                : "not pinned: " + placement.why());
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
