package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.ops.Exchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's headless Chromium): the page loads, reaches
 * {@code /status}, and the numbers it shows grow while this test drives calc requests. The page
 * writes its state into data-* attributes; the test dumps the DOM twice and compares. Virtual
 * time lets the page's one-second polls run without waiting for them.
 */
class DashboardInChromiumTest {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    @TempDir Path profile;

    @Test
    void thePageConnectsAndItsNumbersFollowTheLoad() throws Exception {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium): the dashboard browser test is skipped");
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try (ObservedServer s = new ObservedServer()) {
            InetSocketAddress calc = s.address("calc");
            // A steady trickle of lecture-style calc requests, about 100 a second.
            load.scheduleWithFixedDelay(() -> {
                try {
                    Exchanges.calc(calc, "20\00022\0000\0");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            await().until(() -> s.stats("calc").requests() > 0);

            String first = dumpDom(chromium, s.admin(), "first");
            assertEquals("connected", attribute(body(first), "data-state"), "the page reached /status");
            assertTrue(Integer.parseInt(attribute(body(first), "data-updates")) >= 2, "the page kept polling: " + body(first));
            long before = Long.parseLong(attribute(card(first, "calc"), "data-requests"));
            assertTrue(before > 0, card(first, "calc"));
            for (String service : List.of("echo", "calc", "calc-udp")) card(first, service);

            await().atMost(Duration.ofSeconds(30)).until(() -> s.stats("calc").requests() > before + 20);
            String second = dumpDom(chromium, s.admin(), "second");
            assertEquals("connected", attribute(body(second), "data-state"));
            long after = Long.parseLong(attribute(card(second, "calc"), "data-requests"));
            assertTrue(after > before, "the calc count on the page grew with the load: " + before + " then " + after);
            assertTrue(second.contains("requests/s"), "the rate is on the page");
            assertEquals("0", attribute(card(second, "calc"), "data-errors"));
        } finally {
            load.shutdownNow();
        }
    }

    /** Loads the dashboard in headless Chromium, lets ~3.5 s of page time pass, returns the DOM. */
    private String dumpDom(Path chromium, InetSocketAddress admin, String name) throws Exception {
        Path dataDir = Files.createDirectory(profile.resolve(name));
        Path errors = profile.resolve(name + ".stderr");
        List<String> command = new ArrayList<>(List.of(chromium.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dataDir, "--virtual-time-budget=3500", "--dump-dom",
                "http://127.0.0.1:" + admin.getPort() + "/"));
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] dom;
        try {
            dom = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("chromium did not finish in 60 s");
        } finally {
            p.destroyForcibly();
        }
        String html = new String(dom, StandardCharsets.UTF_8);
        assertTrue(html.contains("<body"), "chromium printed no DOM; its stderr:\n" + Files.readString(errors));
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
