package loomlab.load.report;

import loomlab.HeadlessChromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import loomlab.load.demo.DemoResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the final demo report (a file, as from a USB stick) in headless Chromium: the charts must really be drawn. */
class DemoReportBrowserTest {

    @TempDir static Path dir;
    static DemoResult result;
    static Path page;
    static HeadlessChromium chromium;
    static String dom;

    @BeforeAll
    static void report() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "skipped: no Chromium at " + HeadlessChromium.BINARY
                + " (install Debian's chromium package; CI's .ci/run does)");
        result = DemoSamples.result("a note for the reader");
        page = DemoReportFiles.write(dir.resolve("report"), result);
        chromium = new HeadlessChromium(dir);
        dom = chromium.dumpDom(page);
    }

    @Test
    void everyChartIsDrawnWithItsSentence() {
        assertTrue(dom.contains("data-charts-drawn=\"10\""), "the script drew the nine ladder charts and the lab's");
        assertTrue(dom.contains("data-steps-rendered=\"20\"") && dom.contains("data-finished=\"true\""));
        Map<String, String> charts = charts(dom);
        assertEquals(10, charts.size(), charts.keySet().toString());
        for (Findings.Finding f : Findings.of(result)) {
            String chart = charts.get(f.chart());
            assertTrue(chart.contains("<svg"), f.chart() + " has its chart");
            // As the DOM serializes text: only &, < and > escaped.
            String text = f.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            assertTrue(chart.contains(">" + text + "</p>"), f.chart() + " has its sentence");
        }
        // A line per mode that has points, through every step of it that ran to the end.
        Matcher m = Pattern.compile("<path d=\"(M[^\"]+)\" class=\"series series-virtual\"[^>]*data-points=\"(\\d+)\"")
                .matcher(charts.get(Findings.THROUGHPUT));
        assertTrue(m.find(), "a virtual line in the throughput chart");
        assertEquals("6", m.group(2), "virtual ran all six counts");
        assertEquals(5, count(m.group(1), " L"));
        assertEquals(3, count(charts.get(Findings.THROUGHPUT), "class=\"series "), "serial, platform, virtual");
        assertEquals(6, count(charts.get(Findings.LAB), "class=\"bar\""), "two modes, three panels");
    }

    @Test
    void noAxisRunsBelowZero() {
        Map<String, String> charts = charts(dom);
        charts.forEach((name, chart) -> {
            Matcher min = Pattern.compile("data-y-min=\"([^\"]+)\"").matcher(chart);
            if (min.find()) {
                double v = Double.parseDouble(min.group(1));
                if (name.equals(Findings.P99)) assertTrue(v > 0, "log axis above 0"); else assertEquals(0.0, v, name + " starts at 0");
            }
            assertFalse(Pattern.compile("class=\"y-tick\">-").matcher(chart).find(), name + ": no negative tick");
        });
        assertTrue(charts.get(Findings.MEMORY).contains("data-y-min"), "the memory chart has an axis");
    }

    @Test
    void pointsWithinNoiseAreMarkedNotPlottedAndAStoppedModeIsMarked() {
        Map<String, String> charts = charts(dom);
        // Below 1,000 clients every mode's memory is within noise (DemoSamples): 3 modes x 3 counts.
        assertEquals(9, count(charts.get(Findings.MEMORY), "class=\"noise"), "hollow markers at the upper bound");
        assertTrue(charts.get(Findings.MEMORY).contains("clients: within noise: ≤ "), "with the bound in a tooltip");
        // The kernel: the same nine, and virtual's 1,000 and 9,900 (100 B a connection is below a 1 MiB floor there).
        assertEquals(11, count(charts.get(Findings.KERNEL), "class=\"noise"));
        for (String name : new String[] {Findings.THROUGHPUT, Findings.CPU, Findings.THREADS}) {
            assertTrue(charts.get(name).contains("<g class=\"stopped\">"), name + " marks where platform stopped");
            assertTrue(charts.get(name).contains("platform stopped at 19800 clients: " + DemoSamples.STOPPED), name);
        }
    }

    @Test
    void theScreenshotShowsTheCharts() throws Exception {
        // The same page without its chart script, as the baseline: what the charts add is the difference.
        String html = Files.readString(page);
        int script = html.lastIndexOf("<script>");
        Path bare = page.resolveSibling("bare.html");
        Files.writeString(bare, html.substring(0, script) + html.substring(html.indexOf("</script>", script) + 9));

        BufferedImage withCharts = ImageIO.read(chromium.screenshot(page, 1280, 4000).toFile());
        BufferedImage without = ImageIO.read(chromium.screenshot(bare, 1280, 4000).toFile());
        long pixels = (long) withCharts.getWidth() * withCharts.getHeight();
        long inked = inked(withCharts);
        assertTrue(inked > pixels / 50, "not a blank page: " + inked + " of " + pixels + " pixels drawn");
        long lines = seriesColored(withCharts) - seriesColored(without);
        assertTrue(lines > 3_000, "the lines and points of the charts, in the modes' colours: " + lines + " pixels");
    }

    /** Each chart's figure in the DOM, by its data-chart name. */
    static Map<String, String> charts(String dom) {
        Map<String, String> charts = new HashMap<>();
        Matcher m = Pattern.compile("<figure class=\"chart[^\"]*\" id=\"chart-(\\w+)\"").matcher(dom);
        while (m.find()) charts.put(m.group(1), dom.substring(m.start(), dom.indexOf("</figure>", m.start())));
        return charts;
    }

    private static long inked(BufferedImage img) {
        int background = img.getRGB(2, 2) & 0xffffff;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != background) n++;
            }
        }
        return n;
    }

    /** Pixels in the colour of serial, platform or virtual (the table's mode names use them too). */
    private static long seriesColored(BufferedImage img) {
        int[] colors = {0xd62728, 0x1f77b4, 0x2ca02c};
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                for (int c : colors) {
                    if (close(rgb, c)) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static boolean close(int rgb, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 24) return false;
        }
        return true;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
