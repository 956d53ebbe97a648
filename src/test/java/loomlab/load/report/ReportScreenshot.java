package loomlab.load.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import loomlab.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: a PNG of a demo report for the docs, the whole page at 1280 CSS pixels wide, once
 * its charts are drawn. Runs only when asked (docs/scalability-demo.md, "Reading the report"):
 *
 * <pre>
 * mvn -q test -Dtest=ReportScreenshot -Dscreenshot.page=demo-report/index.html -Dscreenshot.png=docs/demo-report.png
 * </pre>
 *
 * {@code screenshot.page} may also be the live page's URL; {@code screenshot.width} sets the width.
 */
class ReportScreenshot {

    @TempDir Path dir;

    @Test
    @EnabledIfSystemProperty(named = "screenshot.page", matches = ".+")
    void screenshot() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "no Chromium at " + HeadlessChromium.BINARY);
        String page = System.getProperty("screenshot.page");
        String url = page.matches("https?://.*") ? page : Path.of(page).toAbsolutePath().toUri().toString();
        Path png = Path.of(System.getProperty("screenshot.png", "demo-report.png")).toAbsolutePath();
        int width = Integer.parseInt(System.getProperty("screenshot.width", "1280"));
        try (DevToolsBrowser browser = DevToolsBrowser.start(dir)) {
            String tab = browser.open(url);
            // Until the page's script has drawn the charts (while the tab loads there may be no document yet).
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IOException.class).until(() -> !browser.evaluate(tab,
                    "document.body ? document.body.getAttribute('data-charts-drawn') : null").equals("null"));
            browser.screenshot(tab, width, png);
        }
        assertTrue(Files.size(png) > 0);
        System.out.println("screenshot: " + png.normalize());
    }
}
