package loomlab.load.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import loomlab.config.Mode;
import loomlab.load.Numbers;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Fairness;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Scenario;
import loomlab.load.demo.Step;

/**
 * What the numbers say: one sentence per chart of the demo report, computed from the result and
 * claiming nothing the data do not show. Platform and virtual threads are compared at the largest
 * client count both ran to the end; whichever wins a figure is named, a mode that stopped is said
 * with where and why, and a comparison of throughput without pinned cores says it is not fair.
 */
public final class Findings {

    /** The charts, as the report's figures and results.json's "findings" name them. */
    public static final String THROUGHPUT = "throughput";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String KERNEL = "kernel";
    public static final String THREADS = "threads";
    public static final String P99 = "p99";
    public static final String SERVED = "served";
    public static final String FAIRNESS = "fairness";
    public static final String STORM = "storm";
    public static final String LAB = "lab";

    /** One chart's sentence. */
    public record Finding(String chart, String text) { }

    /** Below this ratio two figures of a noisy machine are not told apart. */
    private static final double SAME = 1.05;

    private final DemoResult result;
    /** The ladder steps that ran to the end, per mode. */
    private final List<Step> virtual;
    private final List<Step> platform;
    /** The largest client count both modes ran; null when they have none in common. */
    private final Integer common;

    private Findings(DemoResult result) {
        this.result = result;
        this.virtual = complete(result, Scenario.LADDER, Mode.VIRTUAL);
        this.platform = complete(result, Scenario.LADDER, Mode.PLATFORM);
        this.common = virtual.stream().map(Step::clients)
                .filter(c -> platform.stream().anyMatch(p -> p.clients() == c))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** A sentence for every chart, in the report's order. */
    public static List<Finding> of(DemoResult result) {
        Findings f = new Findings(result);
        return List.of(
                new Finding(THROUGHPUT, f.throughput()),
                new Finding(CPU, f.cpu()),
                new Finding(MEMORY, f.memory()),
                new Finding(KERNEL, f.kernel()),
                new Finding(THREADS, f.threads()),
                new Finding(P99, f.p99()),
                new Finding(SERVED, f.served()),
                new Finding(FAIRNESS, f.fairness()),
                new Finding(STORM, f.storm()),
                new Finding(LAB, f.lab()));
    }

    /** The sentence of one chart. */
    public static String of(DemoResult result, String chart) {
        return of(result).stream().filter(x -> x.chart().equals(chart)).map(Finding::text).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart " + chart));
    }

    // ---- the sentences ----

    String throughput() {
        StringBuilder b = new StringBuilder();
        Placement p = result.placement();
        String where = p.pinned() ? " on the same core" + (p.serverCores().size() == 1 ? "" : "s") : "";
        b.append(compare("Throughput", where, s -> s.answersPerSecond() > 0 ? s.answersPerSecond() : null, true,
                v -> grouped3(v) + " answers/s", "answered more", r -> "(" + times(r) + ")"));
        if (!p.pinned() && hasAny()) {
            b.append(" Not a fair comparison: the servers were not pinned to cores of their own (")
                    .append(p.why() == null || p.why().isBlank() ? "no reason given" : p.why())
                    .append("), so they and the load generator shared the CPU and this shows which process the kernel favoured"
                            + " as much as what a mode can do.");
        }
        return b.append(stops()).toString();
    }

    String cpu() {
        return compare("Server CPU per answer", "", Step::serverCpuMicrosPerAnswer, false, v -> sig(v) + " µs",
                "needed less CPU per answer", r -> "(" + times(r) + " more)");
    }

    String memory() {
        if (common == null) return single("Server memory per connection", s -> memoryText(s.memory()));
        MemoryCost v = stepAt(virtual).memory();
        MemoryCost pl = stepAt(platform).memory();
        String head = "Server memory per connection (resident memory against the fresh process) at " + Numbers.grouped(common)
                + " clients: ";
        if (v == null || pl == null) {
            return head + "virtual threads " + memoryText(v) + ", platform threads " + memoryText(pl) + ".";
        }
        Double vb = positive(v.rssPerConnection());
        Double pb = positive(pl.rssPerConnection());
        if (vb != null && pb != null) {
            return head + ordered(vb, pb, false, Findings::bytes, "used less memory per connection", r -> "(" + times(r) + " more)");
        }
        String figures = "virtual threads " + memoryText(v) + ", platform threads " + memoryText(pl);
        if (vb == null && pb != null && v.rssUpperBound() != null && v.rssUpperBound() > 0) {
            return head + figures + " (at least " + times(pb / v.rssUpperBound()) + " more for platform threads).";
        }
        if (pb == null && vb != null && pl.rssUpperBound() != null && pl.rssUpperBound() > 0) {
            return head + figures + " (platform threads used less: at least " + times(vb / pl.rssUpperBound()) + " less).";
        }
        return head + figures + ".";
    }

    String kernel() {
        String what = "The kernel's thread stacks and page tables (KernelStack + PageTables, system-wide) per connection";
        if (common == null) return single(what, s -> kernelText(s.memory()));
        MemoryCost v = stepAt(virtual).memory();
        MemoryCost pl = stepAt(platform).memory();
        String head = what + " at " + Numbers.grouped(common) + " clients: ";
        if (v != null && pl != null && positive(v.kernelPerConnection()) != null && positive(pl.kernelPerConnection()) != null) {
            return head + ordered(v.kernelPerConnection(), pl.kernelPerConnection(), false, Findings::bytes,
                    "cost the kernel less", r -> "(" + times(r) + " more)");
        }
        return head + "virtual threads " + kernelText(v) + ", platform threads " + kernelText(pl) + ".";
    }

    String threads() {
        String sentence;
        if (common == null) {
            sentence = single("Server OS threads", s -> s.serverThreads() == null ? "not measured"
                    : Numbers.grouped(s.serverThreads()) + " for " + Numbers.grouped(connections(s)) + " connections");
        } else {
            Step v = stepAt(virtual);
            Step pl = stepAt(platform);
            sentence = "Server OS threads at " + Numbers.grouped(common) + " clients: platform threads "
                    + threadsText(pl) + ", virtual threads " + threadsText(v) + ".";
        }
        return sentence + stops();
    }

    String p99() {
        return compare("p99 latency", "", Step::p99Ms, false, Findings::millis, "answered faster", r -> "(" + times(r) + ")");
    }

    String served() {
        List<String> parts = new ArrayList<>();
        if (common != null) {
            Step v = stepAt(virtual);
            Step pl = stepAt(platform);
            if (v.clientsServed() >= v.clients() && pl.clientsServed() >= pl.clients()) {
                parts.add("At " + Numbers.grouped(common) + " clients both platform and virtual threads answered every client at least once");
            } else {
                parts.add("At " + Numbers.grouped(common) + " clients virtual threads answered " + servedText(v)
                        + " and platform threads " + servedText(pl));
            }
        } else {
            String one = single("Clients answered at least once", this::servedText);
            parts.add(one.substring(0, one.length() - 1));
        }
        complete(result, Scenario.LADDER, Mode.SERIAL).stream().max(Comparator.comparingInt(Step::clients))
                .filter(s -> s.clients() > 1)
                .ifPresent(s -> parts.add("the serial server answered " + servedText(s)));
        return String.join("; ", parts) + ".";
    }

    String fairness() {
        if (common == null) return single("Answers per client (min / median / max)", s -> fairnessText(s.fairness()));
        Step v = stepAt(virtual);
        Step pl = stepAt(platform);
        StringBuilder b = new StringBuilder("Answers per client (min / median / max) at ").append(Numbers.grouped(common))
                .append(" clients: virtual threads ").append(fairnessText(v.fairness()))
                .append(", platform threads ").append(fairnessText(pl.fairness()));
        List<String> starved = new ArrayList<>();
        if (v.fairness() != null && v.fairness().min() == 0) starved.add("virtual");
        if (pl.fairness() != null && pl.fairness().min() == 0) starved.add("platform");
        if (!starved.isEmpty()) {
            b.append(" (").append(String.join(" and ", starved)).append(" threads left some clients without any answer)");
        }
        return b.append('.').toString();
    }

    String storm() {
        if (common == null) {
            return single("Connect storm", s -> positive(s.allAnsweredSeconds()) == null ? "not every client got an answer"
                    : "all " + Numbers.grouped(s.clients()) + " clients answered once after " + seconds(s.allAnsweredSeconds()));
        }
        Double v = positive(stepAt(virtual).allAnsweredSeconds());
        Double pl = positive(stepAt(platform).allAnsweredSeconds());
        String head = "Connect storm at " + Numbers.grouped(common) + " clients: ";
        if (v != null && pl != null) {
            return head + "all answered once after " + seconds(v) + " (virtual) and " + seconds(pl) + " (platform).";
        }
        return head + (v == null ? "not every client got an answer (virtual)" : "all answered once after " + seconds(v) + " (virtual)")
                + ", " + (pl == null ? "not every client got an answer (platform)" : "after " + seconds(pl) + " (platform)") + ".";
    }

    String lab() {
        List<Step> v = complete(result, Scenario.LAB, Mode.VIRTUAL);
        List<Step> pl = complete(result, Scenario.LAB, Mode.PLATFORM);
        Optional<Integer> idle = v.stream().map(Step::idle).filter(i -> pl.stream().anyMatch(s -> s.idle() == i))
                .max(Comparator.naturalOrder());
        String stopped = labStops();
        if (idle.isEmpty()) {
            List<Step> any = new ArrayList<>(v);
            any.addAll(pl);
            Optional<Step> one = any.stream().max(Comparator.comparingInt(Step::idle));
            if (one.isEmpty()) return (stopped.isEmpty() ? "The lab scenario did not run." : "The lab scenario did not finish." + stopped);
            Step s = one.get();
            return "With " + Numbers.grouped(s.idle()) + " idle connections, the " + Numbers.grouped(s.clients())
                    + " active clients' p99 with " + modeName(s.mode()) + ": " + (positive(s.p99Ms()) == null ? "not measured" : millis(s.p99Ms()))
                    + "; the other mode has no lab step to compare." + stopped;
        }
        Step sv = v.stream().filter(s -> s.idle() == idle.get()).max(Comparator.comparingInt(Step::clients)).orElseThrow();
        Step sp = pl.stream().filter(s -> s.idle() == idle.get()).max(Comparator.comparingInt(Step::clients)).orElseThrow();
        StringBuilder b = new StringBuilder("With ").append(Numbers.grouped(idle.get())).append(" idle connections, the ")
                .append(Numbers.grouped(sv.clients())).append(" active clients' p99: ");
        if (positive(sv.p99Ms()) != null && positive(sp.p99Ms()) != null) {
            b.append(ordered(sv.p99Ms(), sp.p99Ms(), false, Findings::millis, "answered faster", r -> "(" + times(r) + ")"));
            b.setLength(b.length() - 1);
        } else {
            b.append("virtual threads ").append(positive(sv.p99Ms()) == null ? "not measured" : millis(sv.p99Ms()))
                    .append(", platform threads ").append(positive(sp.p99Ms()) == null ? "not measured" : millis(sp.p99Ms()));
        }
        if (sv.memory() != null && sp.memory() != null) {
            b.append("; server resident memory ").append(bytes(sv.memory().rssAtLoad())).append(" (virtual) and ")
                    .append(bytes(sp.memory().rssAtLoad())).append(" (platform)");
        }
        if (sv.serverThreads() != null && sp.serverThreads() != null) {
            b.append("; OS threads ").append(Numbers.grouped(sv.serverThreads())).append(" (virtual) and ")
                    .append(Numbers.grouped(sp.serverThreads())).append(" (platform)");
        }
        return b.append('.').append(stopped).toString();
    }

    // ---- comparing the two modes ----

    /** True when any ladder step of platform or virtual threads ran to the end. */
    private boolean hasAny() {
        return !virtual.isEmpty() || !platform.isEmpty();
    }

    /**
     * "What at N clients: virtual threads A, platform threads B (ratio)." with the winner named when
     * it is platform; one mode alone when the two have no count in common.
     */
    private String compare(String what, String where, Function<Step, Double> figure, boolean higherWins,
                           Function<Double, String> format, String platformWins, Function<Double, String> ratio) {
        if (common == null) {
            return single(what + where, s -> positive(figure.apply(s)) == null ? "not measured" : format.apply(figure.apply(s)));
        }
        Double v = positive(figure.apply(stepAt(virtual)));
        Double pl = positive(figure.apply(stepAt(platform)));
        String head = what + " at " + Numbers.grouped(common) + " clients" + where + ": ";
        if (v == null || pl == null) {
            return head + "virtual threads " + (v == null ? "not measured" : format.apply(v)) + ", platform threads "
                    + (pl == null ? "not measured" : format.apply(pl)) + ".";
        }
        return head + ordered(v, pl, higherWins, format, platformWins, ratio);
    }

    /**
     * The two figures, virtual first unless platform wins (then "platform threads WON: B, virtual
     * threads A"), with the ratio of the larger to the smaller, or "about the same".
     */
    private static String ordered(double v, double pl, boolean higherWins, Function<Double, String> format, String platformWins,
                                  Function<Double, String> ratio) {
        double hi = Math.max(v, pl);
        double lo = Math.min(v, pl);
        String r = lo <= 0 ? "" : hi / lo < SAME ? " (about the same)" : " " + ratio.apply(hi / lo);
        if (lo > 0 && hi / lo < SAME || (higherWins ? v >= pl : v <= pl)) {
            return "virtual threads " + format.apply(v) + ", platform threads " + format.apply(pl) + r + ".";
        }
        return "platform threads " + platformWins + ": " + format.apply(pl) + ", virtual threads " + format.apply(v) + r + ".";
    }

    /** When the modes have no count in common: each mode's largest step alone, or that none ran. */
    private String single(String what, Function<Step, String> text) {
        List<String> parts = new ArrayList<>();
        for (Mode m : List.of(Mode.VIRTUAL, Mode.PLATFORM)) {
            List<Step> steps = m == Mode.VIRTUAL ? virtual : platform;
            steps.stream().max(Comparator.comparingInt(Step::clients))
                    .ifPresent(s -> parts.add(modeName(m) + " " + text.apply(s) + " at " + Numbers.grouped(s.clients()) + " clients"));
        }
        if (parts.isEmpty()) return what + ": no step of platform or virtual threads ran to the end." + (what.startsWith("Server OS") ? "" : stops());
        String missing = virtual.isEmpty() ? " (no virtual-thread step to compare)" : platform.isEmpty()
                ? " (no platform-thread step to compare)" : " (the two modes ran no client count in common)";
        return what + ": " + String.join(", ", parts) + missing + ".";
    }

    /** " Platform threads stopped at 16,000 clients: why." for every mode that stopped on the ladder. */
    private String stops() {
        return stopsOf(Scenario.LADDER, "");
    }

    private String labStops() {
        return stopsOf(Scenario.LAB, " in the lab scenario");
    }

    private String stopsOf(Scenario scenario, String where) {
        StringBuilder b = new StringBuilder();
        for (Mode m : Mode.values()) {
            result.steps().stream().filter(s -> s.scenario() == scenario && s.mode() == m && s.stopped() != null)
                    .min(Comparator.comparingInt(Step::connections))
                    .ifPresent(s -> b.append(' ').append(capital(modeName(m))).append(" stopped").append(where).append(" at ")
                            .append(Numbers.grouped(s.connections())).append(s.idle() > 0 ? " connections: " : " clients: ")
                            .append(sentenceBody(s.stopped())).append('.'));
        }
        return b.toString();
    }

    private Step stepAt(List<Step> steps) {
        return steps.stream().filter(s -> s.clients() == common).reduce((a, b) -> b).orElseThrow();
    }

    private static List<Step> complete(DemoResult r, Scenario scenario, Mode mode) {
        return r.steps().stream().filter(s -> s.scenario() == scenario && s.mode() == mode && s.ran() && s.stopped() == null).toList();
    }

    // ---- pieces of sentences ----

    private static String memoryText(MemoryCost m) {
        if (m == null) return "not measured";
        if (positive(m.rssPerConnection()) != null) return bytes(m.rssPerConnection());
        return m.rssUpperBound() == null ? "not measured" : "below the noise floor (at most " + bytes(m.rssUpperBound()) + " per connection)";
    }

    private static String kernelText(MemoryCost m) {
        if (m == null) return "not measured";
        if (positive(m.kernelPerConnection()) != null) return bytes(m.kernelPerConnection());
        return m.connections() > 0 ? "below the noise floor (at most " + bytes((double) m.kernelNoiseFloor() / m.connections())
                + " per connection)"
                : "not measured";
    }

    private static String threadsText(Step s) {
        return s.serverThreads() == null ? "not measured"
                : Numbers.grouped(s.serverThreads()) + " for " + Numbers.grouped(connections(s)) + " connections";
    }

    private static long connections(Step s) {
        return s.serverConnections() != null ? s.serverConnections() : s.connections();
    }

    private String servedText(Step s) {
        return Numbers.grouped(s.clientsServed()) + " of " + Numbers.grouped(s.clients()) + " clients"
                + (s.clientsServed() >= s.clients() ? "" : " (" + sig(s.servedPercent()) + " %)");
    }

    private static String fairnessText(Fairness f) {
        return f == null ? "not measured" : Numbers.grouped(f.min()) + " / " + Numbers.grouped(f.median()) + " / " + Numbers.grouped(f.max());
    }

    static String modeName(Mode m) {
        return switch (m) {
            case VIRTUAL -> "virtual threads";
            case PLATFORM -> "platform threads";
            case SERIAL -> "the serial server";
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A reason as part of a sentence: without its own final full stop. */
    private static String sentenceBody(String text) {
        String t = text.strip();
        while (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** A figure that can be said: null when missing, not a number, or negative (which no figure here can be). */
    private static Double positive(Double v) {
        return v == null || !Double.isFinite(v) || v < 0 ? null : v;
    }

    /** "1.9 ×", "17 ×". */
    static String times(double ratio) {
        return sig(ratio) + " ×";
    }

    /** Two significant digits below 100, whole numbers above: 1.9, 18, 352, 19,815. */
    static String sig(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) return "?"; // never reached: callers say such figures are not measured
        if (v >= 100) return Numbers.grouped(Math.round(v));
        if (v >= 10) return Long.toString(Math.round(v));
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** Three significant digits, grouped: 52,300. */
    static String grouped3(double v) {
        if (v < 1000) return sig(v);
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 2);
        return Numbers.grouped(Math.round(Math.round(v / scale) * scale));
    }

    static String bytes(double b) {
        if (b < 1024) return Math.round(b) + " B";
        if (b < 1024 * 1024) return sig(b / 1024) + " KiB";
        if (b < 1024.0 * 1024 * 1024) return sig(b / (1024 * 1024)) + " MiB";
        return sig(b / (1024.0 * 1024 * 1024)) + " GiB";
    }

    static String millis(double ms) {
        return ms >= 1000 ? seconds(ms / 1000) : sig(ms) + " ms";
    }

    static String seconds(double s) {
        return sig(s) + " s";
    }
}
