package loomlab.load.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import loomlab.load.Numbers;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Step;

/**
 * The demo report: one self-contained HTML file (styles, data and the chart script inline, no
 * network), so it opens from a USB stick on a lab machine. The tables are written here; the
 * charts are SVG drawn by the inline script from the embedded JSON (the same as results.json).
 */
public final class DemoHtmlReport {

    private static final String RESOURCES = "/loomlab/load/report/";

    /**
     * The charts: metric in the JSON, title, unit, scale, divisor, the smallest step shown, and
     * what the chart teaches.
     */
    private record Chart(String metric, String title, String unit, String scale, int divisor, int minClients, String lesson) { }

    /** Per-client memory of a few clients is lost in the JVM's own noise (GC, heap sizing): not charted. */
    private static final int MEMORY_MIN_CLIENTS = 1_000;

    private static final Chart[] CHARTS = {
        new Chart("answersPerSecond", "Throughput", "answers per second", "linear", 1, 1,
                "Serial stays at what one connection at a time allows, however many clients wait. Platform and virtual "
                + "threads serve every client at once; on a small machine both level off when the CPU is full, not when "
                + "the threads run out."),
        new Chart("p99Ms", "p99 latency", "milliseconds (log scale)", "log", 1, 1,
                "With every client sending as fast as it is answered, latency grows with the queue (Little's law: "
                + "latency = clients / throughput). Timed-out requests count at the time they waited."),
        new Chart("servedPercent", "Clients served", "% of clients answered at least once", "linear", 1, 1,
                "The serial server's lesson with echo (a connection per client): one client is served, every other one "
                + "waits in the listen backlog until it gives up. With calc (a connection per request) it serves everyone "
                + "in turn, and the waiting shows in the latency instead. Platform and virtual threads serve them all."),
        new Chart("serverThreads", "Platform threads", "OS threads in the process (peak)", "linear", 1, 1,
                "Platform mode starts an OS thread per connection: the count follows the clients. Virtual threads "
                + "run on a few carrier threads, whatever the number of connections."),
        new Chart("rssPerClientBytes", "Resident memory per client", "KiB per connected client", "linear", 1024, MEMORY_MIN_CLIENTS,
                "What each connection adds to the process's resident memory (client and server side; the client side "
                + "is the same in every mode). An OS thread's stack and kernel structures cost more than a virtual thread. "
                + "Steps from " + Numbers.grouped(MEMORY_MIN_CLIENTS) + " clients: below that the JVM's own noise is larger than the connections."),
        new Chart("heapPerClientBytes", "Java heap per client", "KiB per connected client, after a GC", "linear", 1024, MEMORY_MIN_CLIENTS,
                "Virtual threads keep their stacks on the heap, so this is where their cost shows; a platform thread's "
                + "stack is outside the heap (see resident memory). Steps from " + Numbers.grouped(MEMORY_MIN_CLIENTS) + " clients."),
    };

    private DemoHtmlReport() { }

    public static String render(DemoResult r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>loomlab scalability demo: ").append(esc(r.workload())).append("</title>\n<style>\n")
                .append(resource("demo-report.css")).append("</style>\n</head>\n<body>\n");
        b.append("<header>\n<h1>Scalability demo: serial, platform threads, virtual threads</h1>\n<p class=\"lead\">")
                .append("The same ").append(esc(r.workload())).append(" server in three modes, under rising numbers of ")
                .append("clients, on the same machine. ").append(esc(r.machine().getOrDefault("cores", "?"))).append(" cores, ")
                .append(esc(r.machine().getOrDefault("jdk", ""))).append(". Finished in ")
                .append(Math.round(r.seconds())).append(" s on ").append(esc(r.machine().getOrDefault("date", ""))).append(".</p>\n</header>\n");
        if (!r.notes().isEmpty()) {
            b.append("<section class=\"notes\">\n<h2>Read this first</h2>\n<ul>\n");
            for (String n : r.notes()) b.append("<li>").append(esc(n)).append("</li>\n");
            b.append("</ul>\n</section>\n");
        }
        b.append("<noscript><p class=\"notes\">The charts are drawn by JavaScript, which is off: the table below "
                + "has every number.</p></noscript>\n<section class=\"charts\">\n");
        for (Chart c : CHARTS) {
            b.append("<figure class=\"chart\" id=\"chart-").append(c.metric()).append("\" data-metric=\"").append(c.metric())
                    .append("\" data-scale=\"").append(c.scale()).append("\" data-divisor=\"").append(c.divisor())
                    .append("\" data-min-clients=\"").append(c.minClients())
                    .append("\" data-unit=\"").append(esc(c.unit())).append("\">\n<h3>").append(esc(c.title()))
                    .append("</h3>\n<figcaption>").append(esc(c.lesson())).append("</figcaption>\n</figure>\n");
        }
        b.append("</section>\n");
        steps(b, r);
        b.append("<section class=\"facts\">\n<h2>Machine</h2>\n");
        table(b, r.machine());
        b.append("<h2>Settings</h2>\n");
        table(b, r.settings());
        b.append("<p>Raw data: <a href=\"results.json\">results.json</a>, <a href=\"results.csv\">results.csv</a>. ")
                .append("How to run it and what to look for: docs/scalability-demo.md.</p>\n</section>\n");
        b.append("<script type=\"application/json\" id=\"demo-data\">\n")
                .append(scriptSafe(DemoJsonReport.render(r))).append("</script>\n<script>\n")
                .append(resource("demo-report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void steps(StringBuilder b, DemoResult r) {
        b.append("<section class=\"steps\">\n<h2>Steps</h2>\n<table class=\"data\">\n<thead><tr>")
                .append("<th>mode</th><th>clients</th><th>answers/s</th><th>p50 ms</th><th>p99 ms</th><th>served</th>")
                .append("<th>errors</th><th>threads (peak)</th><th>server connections</th><th>heap/client</th><th>RSS/client</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Step s : r.steps()) {
            b.append("<tr class=\"mode-").append(DemoJsonReport.mode(s)).append("\"><td>").append(DemoJsonReport.mode(s))
                    .append("</td><td class=\"n\">").append(Numbers.grouped(s.clients())).append("</td>");
            if (!s.ran()) {
                b.append("<td colspan=\"9\" class=\"skipped\">").append(esc(s.skipped())).append("</td></tr>\n");
                continue;
            }
            cell(b, Numbers.grouped(Math.round(s.answersPerSecond())));
            cell(b, s.p50Ms() == null ? "-" : Numbers.millis(s.p50Ms()));
            cell(b, s.p99Ms() == null ? "-" : Numbers.millis(s.p99Ms()));
            cell(b, Numbers.grouped(s.clientsServed()) + " / " + Numbers.grouped(s.clients()));
            cell(b, Numbers.grouped(s.errors()));
            cell(b, s.serverThreads() == null ? "-" : Numbers.grouped(s.serverThreads()));
            cell(b, s.serverConnections() == null ? "-" : Numbers.grouped(s.serverConnections()));
            cell(b, s.serverCpuMicrosPerAnswer() == null ? "-" : Numbers.decimal(s.serverCpuMicrosPerAnswer()));
            cell(b, s.memory() == null || s.memory().rssPerConnection() == null ? "-" : Numbers.bytes(s.memory().rssPerConnection()));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n<p class=\"hint\">Served: clients that got at least one answer in the measured window. ")
                .append("Errors: failed connects and requests (timeouts included) and wrong answers, over the whole step. ")
                .append("Threads and memory: this process, measured at full load (memory after a GC, minus the same ")
                .append("measure before the step, divided by the connected clients).</p>\n</section>\n");
    }

    private static void cell(StringBuilder b, String text) {
        b.append("<td class=\"n\">").append(esc(text)).append("</td>");
    }

    private static void table(StringBuilder b, Map<String, String> rows) {
        b.append("<table class=\"facts\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        b.append("</table>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
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
