package loomlab.load.report;

import loomlab.HeadlessChromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the demo report in headless Chromium: the charts must really be drawn. */
class DemoReportBrowserTest {

    @TempDir static Path dir;
    static Path page;
    static HeadlessChromium chromium;

    @BeforeAll
    static void report() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "skipped: no Chromium at " + HeadlessChromium.BINARY
                + " (install Debian's chromium package; CI's .ci/run does)");
        page = DemoReportFiles.write(dir.resolve("report"), DemoSamples.result("a note for the reader"));
        chromium = new HeadlessChromium(dir);
    }

    @Test
    void everyChartIsDrawnWithALinePerMode() throws Exception {
        String dom = chromium.dumpDom(page);
        assertTrue(dom.contains("data-charts-drawn=\"6\""), "the script drew all six charts");
        // A line per mode and chart, each through several points: "M x y L x y L x y ...".
        Matcher m = Pattern.compile("<path d=\"(M[^\"]+)\" class=\"series series-(\\w+)\"").matcher(dom);
        int lines = 0;
        int virtualLines = 0;
        while (m.find()) {
            lines++;
            if (m.group(2).equals("virtual")) virtualLines++;
            assertTrue(m.group(1).contains(" L"), "a line, not a lone point: " + m.group(1));
        }
        // serial has three steps (1, 10, 100 clients): no line in the memory charts, which start at 1,000.
        assertEquals(6 + 6 + 4, lines, "serial, platform, virtual in every chart but memory");
        assertEquals(6, virtualLines);
        assertTrue(count(dom, "<circle") >= 60, "a point per step that ran");
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
