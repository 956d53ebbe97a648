package loomlab.load.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loomlab.load.Numbers;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Fairness;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Scenario;
import loomlab.load.demo.Step;

/**
 * The demo report: one self-contained HTML file (styles, data and the chart script inline, no
 * network), so it opens from a USB stick on a lab machine. The tables and the sentences are
 * written here; the charts are SVG drawn by the inline script from the embedded JSON (the same as
 * results.json). Served by {@link LiveReport} while the demo runs, the same page polls for new
 * steps and swaps in the parts marked {@code data-live} (see demo-report.js).
 */
public final class DemoHtmlReport {

    private static final String RESOURCES = "/loomlab/load/report/";

    /** A ladder chart: its name (as in {@link Findings}), title, y unit, y scale, and what it teaches. */
    private record Chart(String name, String title, String unit, String scale, String lesson) { }

    private static final List<Chart> CHARTS = List.of(
        new Chart(Findings.THROUGHPUT, "Throughput", "answers per second", "linear",
                "Serial stays at what one connection at a time allows. With the server pinned to its own core, "
                + "throughput shows what each mode does with the same CPU."),
        new Chart(Findings.CPU, "Server CPU per answer", "µs of server CPU per answer", "linear",
                "The server's user + system time in the window (from /proc/PID/stat) divided by its answers: "
                + "what one answer costs, whatever the load generator could send."),
        new Chart(Findings.MEMORY, "Server memory per connection", "KiB per connection (server RSS)", "linear",
                "The server's resident memory at full load minus the same fresh process before any client connected, "
                + "per connection. A hollow marker is a step within the noise floor, drawn at its upper bound."),
        new Chart(Findings.KERNEL, "Kernel memory per connection", "KiB per connection (KernelStack + PageTables)", "linear",
                "What the kernel spent meanwhile on thread stacks and page tables, from /proc/meminfo: system-wide, "
                + "so other processes count too. An OS thread has a kernel stack; a virtual thread has none."),
        new Chart(Findings.THREADS, "Server OS threads", "OS threads of the server process", "linear",
                "Platform mode starts an OS thread per connection: the count follows the clients. Virtual threads "
                + "run on a few carrier threads, whatever the number of connections."),
        new Chart(Findings.P99, "p99 latency", "milliseconds (log scale)", "log",
                "With every client sending as fast as it is answered, latency grows with the queue (Little's law: "
                + "latency = clients / throughput). Timed-out requests count at the time they waited."),
        new Chart(Findings.SERVED, "Clients served", "% of clients answered at least once", "linear",
                "The serial server's lesson with echo: one client is served, every other one waits in the listen "
                + "backlog until it gives up. Platform and virtual threads serve them all."),
        new Chart(Findings.FAIRNESS, "Fairness", "answers per client (median; bar: min to max)", "linear",
                "How evenly the clients were served in the window: a minimum near the median is fair, a minimum "
                + "of 0 means some clients got nothing."),
        new Chart(Findings.STORM, "Connect storm", "s until every client had its first answer", "linear",
                "From the first connect until every client had been answered once: how fast a mode takes on a "
                + "class that connects all at once.")
    );

    private DemoHtmlReport() { }

    public static String render(DemoResult r) {
        Map<String, String> findings = Findings.of(r).stream()
                .collect(Collectors.toMap(Findings.Finding::chart, Findings.Finding::text));
        StringBuilder b = new StringBuilder(96 * 1024);
        long ran = r.steps().size();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>loomlab scalability demo: ").append(esc(r.workload())).append("</title>\n<style>\n")
                .append(resource("demo-report.css")).append("</style>\n</head>\n")
                .append("<body data-finished=\"").append(r.finished()).append("\" data-steps=\"").append(ran).append("\">\n");
        header(b, r);
        notes(b, r);
        b.append("<noscript><p class=\"notes\">The charts are drawn by JavaScript, which is off: the tables below "
                + "have every number.</p></noscript>\n<section class=\"charts\">\n");
        for (Chart c : CHARTS) {
            b.append("<figure class=\"chart\" id=\"chart-").append(c.name()).append("\" data-chart=\"").append(c.name())
                    .append("\" data-scale=\"").append(c.scale()).append("\" data-unit=\"").append(esc(c.unit())).append("\">\n<h3>")
                    .append(esc(c.title())).append("</h3>\n");
            finding(b, c.name(), findings);
            b.append("<figcaption>").append(esc(c.lesson())).append("</figcaption>\n</figure>\n");
        }
        b.append("</section>\n");
        lab(b, r, findings);
        steps(b, r);
        b.append("<section class=\"facts\" id=\"live-facts\" data-live>\n<h2>Machine</h2>\n");
        table(b, r.machine());
        if (!r.limits().isEmpty()) {
            b.append("<h2>Limits: how far the client counts go</h2>\n");
            table(b, r.limits());
        }
        b.append("<h2>Settings</h2>\n");
        table(b, r.settings());
        b.append("<p>Raw data: <a href=\"results.json\">results.json</a>, <a href=\"results.csv\">results.csv</a>. ")
                .append("How to run it and how to read it: docs/scalability-demo.md.</p>\n</section>\n");
        b.append("<script type=\"application/json\" id=\"demo-data\">\n")
                .append(scriptSafe(DemoJsonReport.render(r))).append("</script>\n<script>\n")
                .append(resource("demo-report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, DemoResult r) {
        b.append("<header id=\"live-header\" data-live>\n<h1>Scalability demo: serial, platform threads, virtual threads</h1>\n")
                .append("<p class=\"lead\">The same ").append(esc(r.workload())).append(" server in each mode, each in a process of its own, ")
                .append("under rising numbers of clients. ").append(esc(r.machine().getOrDefault("cores", "?"))).append(" cores, ")
                .append(esc(r.machine().getOrDefault("jdk", ""))).append(".</p>\n");
        Placement p = r.placement();
        if (p.pinned()) {
            b.append("<p class=\"placement\">Pinned: every server on ").append(cores(p.serverCores())).append(", the load generator on ")
                    .append(p.loadCores().isEmpty() ? "any core" : cores(p.loadCores()))
                    .append(". Every mode gets exactly the same CPU, so throughput compares what the modes do with it.</p>\n");
        } else {
            b.append("<p class=\"warning\" id=\"unpinned\"><strong>Not pinned: the throughput is not a fair comparison.</strong> ")
                    .append("The servers and the load generator shared the CPU (")
                    .append(esc(p.why() == null || p.why().isBlank() ? "no reason given" : p.why()))
                    .append("), so whichever process had more runnable threads took a larger share of it.</p>\n");
        }
        b.append("<p class=\"progress\" id=\"progress\">");
        if (r.finished()) {
            b.append("Finished: ").append(Numbers.grouped(r.steps().size())).append(" steps in ").append(Math.round(r.seconds()))
                    .append(" s").append(r.machine().containsKey("date") ? " on " + esc(r.machine().get("date")) : "").append('.');
        } else {
            b.append(Numbers.grouped(r.steps().size())).append(" of ").append(Numbers.grouped(r.planned()))
                    .append(" steps, running… (").append(Math.round(r.seconds())).append(" s so far; this page follows the demo)");
        }
        b.append("</p>\n</header>\n");
    }

    private static void notes(StringBuilder b, DemoResult r) {
        b.append("<section class=\"notes\" id=\"live-notes\" data-live>\n<h2>Read this first</h2>\n<ul>\n");
        for (String n : r.notes()) b.append("<li>").append(esc(n)).append("</li>\n");
        b.append("<li>Each sentence next to a chart is computed from the numbers below it; platform and virtual threads are ")
                .append("compared at the largest client count both ran.</li>\n")
                .append("<li>Memory is measured from outside the server: a figure below the noise floor of the fresh JVM ")
                .append("is shown as \"within noise, at most …\", never as a value or below zero.</li>\n")
                .append("<li>A shared machine is noisy: read the ratios, not the absolute figures.</li>\n")
                .append("</ul>\n</section>\n");
    }

    private static void finding(StringBuilder b, String chart, Map<String, String> findings) {
        b.append("<p class=\"finding\" id=\"finding-").append(chart).append("\" data-live>")
                .append(esc(findings.getOrDefault(chart, ""))).append("</p>\n");
    }

    /** The lab scenario: a chart per mode (drawn by the script) and a table of every lab step. */
    private static void lab(StringBuilder b, DemoResult r, Map<String, String> findings) {
        b.append("<section class=\"lab\" id=\"lab\">\n<h2>").append(esc(capital(Scenario.LAB.title()))).append(": ")
                .append(esc(Scenario.LAB.description())).append("</h2>\n")
                .append("<figure class=\"chart lab-chart\" id=\"chart-lab\" data-chart=\"lab\">\n<h3>Per mode, at the most idle connections</h3>\n");
        finding(b, Findings.LAB, findings);
        b.append("<figcaption>The active clients' p99 while the idle connections are held, the server's resident memory at ")
                .append("load, and its OS threads. A lab's cost is its idle students: each is a connection and, in platform ")
                .append("mode, an OS thread.</figcaption>\n</figure>\n<div id=\"live-lab\" data-live>\n");
        List<Step> lab = r.steps().stream().filter(s -> s.scenario() == Scenario.LAB).toList();
        if (lab.isEmpty()) {
            b.append("<p class=\"hint\">No lab step ").append(r.finished() ? "ran." : "yet.").append("</p>\n");
        } else {
            b.append("<table class=\"data\">\n<thead><tr><th>mode</th><th>idle</th><th>active</th><th>p50 ms</th><th>p99 ms</th>")
                    .append("<th>errors</th><th>server RSS at load</th><th>RSS/connection</th><th>threads</th><th>connections</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (Step s : lab) {
                rowStart(b, s, "");
                cell(b, Numbers.grouped(s.idle()));
                cell(b, Numbers.grouped(s.clients()));
                if (!ranToTheEnd(b, s, 7)) continue;
                cell(b, ms(s.p50Ms()));
                cell(b, ms(s.p99Ms()));
                cell(b, Numbers.grouped(s.errors()));
                cell(b, s.memory() == null ? "-" : Numbers.bytes(s.memory().rssAtLoad()));
                cell(b, rssPerConnection(s.memory()));
                cell(b, s.serverThreads() == null ? "-" : Numbers.grouped(s.serverThreads()));
                cell(b, s.serverConnections() == null ? "-" : Numbers.grouped(s.serverConnections()));
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</div>\n</section>\n");
    }

    private static void steps(StringBuilder b, DemoResult r) {
        b.append("<section class=\"steps\" id=\"live-steps\" data-live>\n<h2>Steps</h2>\n<div class=\"wide\">\n<table class=\"data\" id=\"steps\">\n")
                .append("<thead><tr><th>mode</th><th>clients</th><th>idle</th><th>answers/s</th><th>p50 ms</th>")
                .append("<th>p99 ms</th><th>served</th><th>errors</th><th>answers/client min / median / max</th>")
                .append("<th>all answered once s</th><th>server PID</th><th>CPU µs/answer</th><th>CPU cores used</th><th>threads</th>")
                .append("<th>connections</th><th>RSS/connection</th><th>kernel/connection</th></tr></thead>\n<tbody>\n");
        for (Step s : r.steps()) {
            rowStart(b, s, s.scenario() == Scenario.LADDER ? "" : " · " + s.scenario().key());
            cell(b, Numbers.grouped(s.clients()));
            cell(b, Numbers.grouped(s.idle()));
            if (!ranToTheEnd(b, s, 14)) continue;
            cell(b, Numbers.grouped(Math.round(s.answersPerSecond())));
            cell(b, ms(s.p50Ms()));
            cell(b, ms(s.p99Ms()));
            cell(b, Numbers.grouped(s.clientsServed()) + " / " + Numbers.grouped(s.clients()));
            cell(b, Numbers.grouped(s.errors()));
            cell(b, fairness(s.fairness()));
            cell(b, s.allAnsweredSeconds() == null ? "-" : Numbers.decimal(Math.round(s.allAnsweredSeconds() * 100) / 100.0));
            cell(b, s.serverPid() == null ? "-" : Long.toString(s.serverPid()));
            cell(b, s.serverCpuMicrosPerAnswer() == null ? "-" : Findings.sig(Math.max(0, s.serverCpuMicrosPerAnswer())));
            cell(b, s.serverCpuShare() == null ? "-" : Findings.sig(Math.max(0, s.serverCpuShare())));
            cell(b, s.serverThreads() == null ? "-" : Numbers.grouped(s.serverThreads()));
            cell(b, s.serverConnections() == null ? "-" : Numbers.grouped(s.serverConnections()));
            memoryCell(b, rssPerConnection(s.memory()));
            memoryCell(b, kernelPerConnection(s.memory()));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n</div>\n<p class=\"hint\">Served: active clients that got at least one answer in the measured ")
                .append("window. Errors: failed connects and requests (timeouts included) and wrong answers, over the whole step. ")
                .append("Server figures are measured from outside the server process (/proc): CPU in the window, threads and ")
                .append("memory at full load against the same fresh process before any client connected. Kernel: KernelStack + ")
                .append("PageTables of the whole machine.</p>\n</section>\n");
    }

    /** The row's first cell: the mode, and the scenario when it is not the ladder. */
    private static void rowStart(StringBuilder b, Step s, String scenario) {
        String mode = DemoJsonReport.mode(s);
        b.append("<tr class=\"mode-").append(mode).append(s.ran() ? s.stopped() != null ? " stopped" : "" : " skipped")
                .append("\"><td>").append(mode).append(scenario).append("</td>");
    }

    /** For a skipped or stopped step: the reason across the figures' columns, and false. */
    private static boolean ranToTheEnd(StringBuilder b, Step s, int columns) {
        if (s.ran() && s.stopped() == null) return true;
        b.append("<td colspan=\"").append(columns).append("\" class=\"reason\">")
                .append(s.ran() ? "stopped: " + esc(s.stopped()) : esc(s.skipped())).append("</td></tr>\n");
        return false;
    }

    static String rssPerConnection(MemoryCost m) {
        if (m == null) return "-";
        if (m.rssPerConnection() != null) return Numbers.bytes(m.rssPerConnection());
        return m.rssUpperBound() == null ? "-" : "within noise ≤ " + Numbers.bytes(m.rssUpperBound());
    }

    static String kernelPerConnection(MemoryCost m) {
        if (m == null) return "-";
        if (m.kernelPerConnection() != null) return Numbers.bytes(m.kernelPerConnection());
        return m.connections() <= 0 ? "-" : "within noise ≤ " + Numbers.bytes((double) m.kernelNoiseFloor() / m.connections());
    }

    private static String fairness(Fairness f) {
        return f == null ? "-" : Numbers.grouped(f.min()) + " / " + Numbers.grouped(f.median()) + " / " + Numbers.grouped(f.max());
    }

    private static String ms(Double v) {
        return v == null ? "-" : Numbers.millis(v);
    }

    private static String cores(List<Integer> cores) {
        return (cores.size() == 1 ? "core " : "cores ") + cores.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td class=\"n\">").append(esc(text)).append("</td>");
    }

    /** A memory cell: "within noise ≤ X" may wrap, figures may not. */
    private static void memoryCell(StringBuilder b, String text) {
        b.append("<td class=\"n mem\">").append(esc(text)).append("</td>");
    }

    private static void table(StringBuilder b, Map<String, String> rows) {
        b.append("<table class=\"facts\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        b.append("</table>\n");
    }

    /** Text from the data as HTML text or attribute value; control characters shown, not passed on. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * JSON inside a script element: a "</script" or "<!--" in a string would end or confuse it. In
     * our JSON a '<' can only stand inside a string, where "\u003c" means the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    private static String resource(String name) {
        try (InputStream in = DemoHtmlReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name + " (broken build?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
