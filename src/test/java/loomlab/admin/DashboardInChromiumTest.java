package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.HeadlessChromium;
import loomlab.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's headless Chromium): the page loads, reaches
 * {@code /status}, and the numbers it shows grow while this test drives calc requests. The page
 * writes its state into data-* attributes; the test dumps the DOM twice and compares. Virtual
 * time lets the page's one-second polls run without waiting for them.
 */
class DashboardInChromiumTest {

    @TempDir Path profile;

    @Test
    void thePageConnectsAndItsNumbersFollowTheLoad() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium is not installed at " + HeadlessChromium.BINARY
                + " (apt-get install chromium): the dashboard browser test is skipped");
        HeadlessChromium chromium = new HeadlessChromium(profile);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try (ObservedServer s = new ObservedServer()) {
            InetSocketAddress calc = s.address("calc");
            // A steady trickle of lecture-style calc requests, about 100 a second.
            load.scheduleWithFixedDelay(() -> {
                try {
                    Wire.calc(calc, "20\00022\0000\0");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            await().until(() -> s.stats("calc").requests() > 0);

            String first = dumpDom(chromium, s.admin());
            assertEquals("connected", attribute(body(first), "data-state"), "the page reached /status");
            assertTrue(Integer.parseInt(attribute(body(first), "data-updates")) >= 2, "the page kept polling: " + body(first));
            long before = Long.parseLong(attribute(card(first, "calc"), "data-requests"));
            assertTrue(before > 0, card(first, "calc"));
            for (String service : List.of("echo", "calc", "calc-udp")) card(first, service);

            await().atMost(Duration.ofSeconds(30)).until(() -> s.stats("calc").requests() > before + 20);
            String second = dumpDom(chromium, s.admin());
            assertEquals("connected", attribute(body(second), "data-state"));
            long after = Long.parseLong(attribute(card(second, "calc"), "data-requests"));
            assertTrue(after > before, "the calc count on the page grew with the load: " + before + " then " + after);
            assertTrue(second.contains("requests/s"), "the rate is on the page");
            assertEquals("0", attribute(card(second, "calc"), "data-errors"));
        } finally {
            load.shutdownNow();
        }
    }

    /** Loads the dashboard, lets ~3.5 s of page time pass (its polls run), returns the DOM. */
    private static String dumpDom(HeadlessChromium chromium, InetSocketAddress admin) throws Exception {
        String html = chromium.dumpDom("http://127.0.0.1:" + admin.getPort() + "/", "--virtual-time-budget=3500");
        assertTrue(html.contains("<body"), "chromium printed no DOM");
        return html;
    }

    private static String body(String dom) {
        Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
        assertTrue(m.find(), "no <body> in the DOM");
        return m.group();
    }

    private static String card(String dom, String service) {
        Matcher m = Pattern.compile("<section[^>]*data-service=\"" + Pattern.quote(service) + "\"[^>]*>").matcher(dom);
        assertTrue(m.find(), "no card for " + service + " on the page");
        return m.group();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        assertTrue(m.find(), "no " + name + " in " + tag);
        return m.group(1);
    }
}
