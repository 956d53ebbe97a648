package loomlab.load.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import loomlab.HeadlessChromium;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in a browser that stays open while the demo's snapshots arrive: the page must
 * follow them (steps, charts, progress) without being reloaded, and stop polling when finished.
 */
class LiveReportBrowserTest {

    @TempDir Path dir;

    @Test
    void thePageFollowsTheDemoStepByStepWithoutReloading() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.available(), "skipped: no Chromium at " + HeadlessChromium.BINARY
                + " (install Debian's chromium package; CI's .ci/run does)");
        try (LiveReport live = LiveReport.start(0, LiveReportTest.running(2));
             DevToolsBrowser browser = DevToolsBrowser.start(dir)) {
            String tab = browser.open(live.url());
            // While the tab navigates from about:blank to the page, an evaluation may meet no document yet.
            patiently().ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> body(browser, tab, "data-steps-rendered"), equalTo("2"));
            // A mark on the window: a reload would wipe it.
            browser.evaluate(tab, "window.stillTheSamePage = 'yes'");
            assertEquals("2", browser.evaluate(tab, "document.querySelectorAll('#chart-throughput circle.point').length"),
                    "serial and platform at 1 client");

            live.update(LiveReportTest.running(5));
            patiently().until(() -> body(browser, tab, "data-steps-rendered"), equalTo("5"));
            assertEquals("5", browser.evaluate(tab, "document.querySelectorAll('#chart-throughput circle.point').length"));
            assertTrue(browser.evaluate(tab, "document.getElementById('progress').textContent").startsWith("5 of 23 steps, running…"));
            assertEquals("5", browser.evaluate(tab, "document.querySelectorAll('#steps tbody tr').length"), "the table grew");
            assertEquals("false", body(browser, tab, "data-finished"));

            live.update(DemoSamples.result(null));
            patiently().until(() -> body(browser, tab, "data-finished"), equalTo("true"));
            assertEquals("20", body(browser, tab, "data-steps-rendered"));
            assertEquals("10", body(browser, tab, "data-charts-drawn"));
            assertTrue(browser.evaluate(tab, "document.getElementById('progress').textContent").startsWith("Finished: 20 steps"));
            assertEquals(Findings.of(DemoSamples.result(null), Findings.LAB),
                    browser.evaluate(tab, "document.getElementById('finding-lab').textContent"), "the sentences follow too");
            assertEquals("yes", browser.evaluate(tab, "window.stillTheSamePage"), "updated in place, never reloaded");
        }
    }

    /** An attribute of the page's body; "null" while the page has none (or no body yet: it is still loading). */
    private static String body(DevToolsBrowser browser, String tab, String attribute) throws Exception {
        return browser.evaluate(tab, "document.body ? document.body.getAttribute('" + attribute + "') : null");
    }

    private static ConditionFactory patiently() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
