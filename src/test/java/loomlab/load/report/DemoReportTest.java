package loomlab.load.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loomlab.config.Mode;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReportTest {

    private static final String[] CHARTS = {Findings.THROUGHPUT, Findings.CPU, Findings.MEMORY, Findings.KERNEL, Findings.THREADS,
        Findings.P99, Findings.SERVED, Findings.FAIRNESS, Findings.STORM, Findings.LAB};

    @TempDir Path dir;

    @Test
    void writesHtmlJsonAndCsvSideBySide() throws Exception {
        DemoResult r = DemoSamples.result(null);
        Path html = DemoReportFiles.write(dir.resolve("report"), r);
        assertEquals(dir.resolve("report/index.html"), html);
        assertTrue(Files.exists(dir.resolve("report/results.json")));
        String csv = Files.readString(dir.resolve("report/results.csv"));
        assertEquals(DemoCsvReport.HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals(1 + r.steps().size(), csv.lines().count(), "a row per step, skipped and stopped ones included");
        assertTrue(csv.contains("ladder,serial,1000,0,\"" + DemoSamples.SKIPPED + "\""), csv);
        assertTrue(csv.contains("ladder,platform,19800,0,,\"" + DemoSamples.STOPPED + "\""), csv);
    }

    @Test
    void theHtmlIsSelfContained() {
        String html = DemoHtmlReport.render(DemoSamples.result(null));
        for (String external : new String[] {"src=", "href=\"http", "href=\"//", "url(", "@import"}) {
            assertFalse(html.contains(external), "no external resource (" + external + "): the report must open without a network");
        }
        assertEquals(2, html.split("fetch\\(", -1).length - 1, "the live page's two polls");
        assertTrue(html.contains("fetch('results.json'") && html.contains("fetch('./'"), "both to the page's own origin");
        assertTrue(html.contains("<script type=\"application/json\" id=\"demo-data\">"));
        assertTrue(html.contains("<th>cores</th><td>2</td>"), "states the machine");
        assertTrue(html.contains("<th>largest count</th><td>19,800</td>"), "states the limits");
    }

    @Test
    void everyChartIsThereWithItsSentence() {
        DemoResult r = DemoSamples.result(null);
        String html = DemoHtmlReport.render(r);
        for (String chart : CHARTS) {
            assertTrue(html.contains("<figure class=\"chart" + (chart.equals(Findings.LAB) ? " lab-chart" : "") + "\" id=\"chart-" + chart
                    + "\" data-chart=\"" + chart + "\""), "chart " + chart);
            assertTrue(html.contains("<p class=\"finding\" id=\"finding-" + chart + "\" data-live>"
                    + DemoHtmlReport.esc(Findings.of(r, chart)) + "</p>"), "sentence of " + chart);
        }
    }

    @Test
    void thePlacementIsInTheHeaderAndUnpinnedIsAWarning() {
        String pinned = DemoHtmlReport.render(DemoSamples.result(null));
        assertTrue(pinned.contains("Pinned: every server on core 0, the load generator on core 1."));
        assertFalse(pinned.contains("id=\"unpinned\""));
        DemoResult sample = DemoSamples.result(null);
        String unpinned = DemoHtmlReport.render(DemoSamples.result(new Placement(List.of(), List.of(), "taskset <missing>"), null,
                sample.steps(), true));
        assertTrue(unpinned.contains("<p class=\"warning\" id=\"unpinned\"><strong>Not pinned: the throughput is not a fair comparison."
                + "</strong>"), unpinned);
        assertTrue(unpinned.contains("(taskset &lt;missing&gt;)"), "the reason, escaped");
    }

    @Test
    void skippedAndStoppedStepsShowTheirReason() {
        String html = DemoHtmlReport.render(DemoSamples.result(null));
        assertTrue(html.contains("<tr class=\"mode-serial skipped\"><td>serial</td><td class=\"n\">1,000</td>"
                + "<td class=\"n\">0</td><td colspan=\"14\" class=\"reason\">" + DemoSamples.SKIPPED + "</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"mode-platform stopped\"><td>platform</td><td class=\"n\">19,800</td>"
                + "<td class=\"n\">0</td><td colspan=\"14\" class=\"reason\">stopped: " + DemoSamples.STOPPED + "</td></tr>"));
    }

    @Test
    void memoryWithinNoiseIsABoundInTheTableNeverANegativeFigure() {
        String html = DemoHtmlReport.render(DemoSamples.result(null));
        // 10 clients: the 1 MiB delta is below the 2 MiB floor: at most 2 MiB / 10 per connection.
        String row = row(html, "<tr class=\"mode-virtual\"><td>virtual</td><td class=\"n\">10</td>");
        assertTrue(row.contains("<td class=\"n mem\">within noise ≤ 204.8 KiB</td>"), row);
        assertTrue(row(html, "<tr class=\"mode-platform\"><td>platform</td><td class=\"n\">9,900</td>")
                .contains("<td class=\"n mem\">69.3 KiB</td><td class=\"n mem\">17.6 KiB</td></tr>"));
        String steps = html.substring(html.indexOf("id=\"steps\""), html.indexOf("</table>", html.indexOf("id=\"steps\"")));
        assertFalse(steps.matches("(?s).*<td class=\"n\">-\\d.*"), "no negative figure in the steps table");
    }

    @Test
    void theLabHasAChartAndATable() {
        String html = DemoHtmlReport.render(DemoSamples.result(null));
        String lab = html.substring(html.indexOf("<section class=\"lab\""), html.indexOf("</section>", html.indexOf("<section class=\"lab\"")));
        assertTrue(lab.contains("<tr class=\"mode-virtual\"><td>virtual</td><td class=\"n\">9,950</td><td class=\"n\">50</td>"
                + "<td class=\"n\">0.400</td><td class=\"n\">1.20</td>"), lab);
        assertTrue(lab.contains("<td class=\"n\">10,015</td><td class=\"n\">10,000</td></tr>"), "platform's threads and connections");
        String none = DemoHtmlReport.render(DemoSamples.result(DemoSamples.result(null).placement(), null,
                DemoSamples.result(null).steps().stream().filter(s -> s.scenario() != loomlab.load.demo.Scenario.LAB).toList(), true));
        assertTrue(none.contains("<p class=\"hint\">No lab step ran.</p>"));
    }

    @Test
    void aRunningDemoSaysHowFarItIs() {
        DemoResult full = DemoSamples.result(null);
        DemoResult running = DemoSamples.result(full.placement(), null, full.steps().subList(0, 7), false);
        String html = DemoHtmlReport.render(running);
        assertTrue(html.contains("<body data-finished=\"false\" data-steps=\"7\">"));
        assertTrue(html.contains("<p class=\"progress\" id=\"progress\">7 of 23 steps, running…"), html);
        assertTrue(DemoHtmlReport.render(full).contains("<p class=\"progress\" id=\"progress\">Finished: 20 steps in 123 s"));
    }

    @Test
    void textFromOutsideCannotBreakOutOfTheDataOrTheMarkup() {
        String evil = "</script><script>alert(1)</script> & \"quotes\" \u001b[31m";
        List<Step> steps = new ArrayList<>(DemoSamples.result(null).steps());
        steps.add(DemoSamples.stopped(Mode.VIRTUAL, 50_000, evil));
        steps.add(DemoSamples.skipped(Mode.SERIAL, 50_000, evil));
        DemoResult r = DemoSamples.result(new Placement(List.of(), List.of(), evil), evil, steps, true);
        String html = DemoHtmlReport.render(r);
        assertEquals(2, html.split("<script", -1).length - 1, "only the report's own two script elements");
        String escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; \\x1b[31m";
        assertTrue(html.contains("<li>" + escaped + "</li>"), "the note");
        assertTrue(html.contains("class=\"reason\">stopped: " + escaped + "</td>"), "the stopped reason");
        assertTrue(html.contains("class=\"reason\">" + escaped + "</td>"), "the skip reason");
        assertTrue(html.contains("(" + escaped + ")"), "the placement's why");
        assertFalse(html.contains("\u001b"), "no control character passed on");
        // The embedded JSON still parses, and says the same.
        int start = html.indexOf('>', html.indexOf("id=\"demo-data\"")) + 1;
        Map<String, Object> json = JsonPaths.of(html.substring(start, html.indexOf("</script>", start)));
        assertEquals(evil, json.get("notes[0]"));
        assertEquals(evil, json.get("placement.why"));
    }

    @Test
    void jsonAndCsvSayTheSame() {
        DemoResult r = DemoSamples.result(null);
        Map<String, Object> json = JsonPaths.of(DemoJsonReport.render(r));
        List<String> rows = DemoCsvReport.render(r).lines().skip(1).toList();
        assertEquals(r.steps().size(), JsonPaths.count(json, "steps"));
        assertEquals(rows.size(), JsonPaths.count(json, "steps"));
        List<String> header = List.of(DemoCsvReport.HEADER.split(","));
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            String s = "steps[" + i + "].";
            assertEquals(json.get(s + "mode"), f[header.indexOf("mode")]);
            assertEquals(String.valueOf(json.get(s + "clients")), f[header.indexOf("clients")]);
            assertEquals(String.valueOf(json.get(s + "idle")), f[header.indexOf("idle")]);
            Object threads = json.get(s + "serverThreads");
            assertEquals(threads == null ? "" : String.valueOf(Math.round(((Number) threads).doubleValue())),
                    f[header.indexOf("server_threads")]);
            Object rss = json.get(s + "memory.rssPerConnectionBytes");
            assertEquals(rss == null ? "" : String.valueOf(Math.round(((Number) rss).doubleValue())),
                    f[header.indexOf("rss_per_connection_bytes")], "step " + i);
            Object rps = json.get(s + "answersPerSecond");
            if (rps != null) {
                assertEquals(((Number) rps).doubleValue(), Double.parseDouble(f[header.indexOf("answers_per_second")]), 0.05);
            }
        }
        assertEquals(Findings.of(r).size(), JsonPaths.count(json, "findings"));
        assertEquals(Findings.of(r, Findings.THROUGHPUT), json.get("findings[0].text"));
    }

    @Test
    void csvQuotesTextWithCommasAndQuotes() {
        assertEquals("\"a, \"\"b\"\"\"", DemoCsvReport.quote("a, \"b\""));
    }

    private static String row(String html, String start) {
        int i = html.indexOf(start);
        assertTrue(i >= 0, "no row " + start);
        return html.substring(i, html.indexOf("</tr>", i) + 5);
    }
}
