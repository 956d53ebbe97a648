package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.HeadlessChromium;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's "Last exchanges" in a real browser (Debian's headless Chromium), with a client
 * that sends markup, a script, terminal escapes, NUL and 0xff: the page shows them as text, runs
 * nothing of them, marks the bad request, and its client filter (from the page's
 * {@code ?client=}) hides the others.
 */
class TracesInChromiumTest {

    @TempDir Path profile;

    @Test
    void hostileBytesAreShownAsTextAndTheBadOneIsMarked() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium is not installed at " + HeadlessChromium.BINARY
                + " (apt-get install chromium): the traces browser test is skipped");
        try (ObservedServer server = new ObservedServer(TestServers.echo(Mode.VIRTUAL).toBuilder().trace(true).build(),
                TestServers.calc(Mode.VIRTUAL).toBuilder().name("calc").trace(true).build())) {
            ByteArrayOutputStream hostile = new ByteArrayOutputStream();
            hostile.write(new byte[] {0x1b, '[', '2', 'J'});
            hostile.write("<script>document.body.dataset.pwned='script'</script><img src=x onerror=\"document.body.dataset.pwned='img'\">"
                    .getBytes(StandardCharsets.US_ASCII));
            hostile.write(new byte[] {0, (byte) 0xff});
            Wire.echo(server.address("echo"), hostile.toByteArray());
            Wire.calc(server.address("calc"), "<b>1</b>\u00002\u00000\u0000");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.server.listener("calc").orElseThrow().traces().orElseThrow().written() == 1);

            InetSocketAddress admin = server.admin();
            HeadlessChromium chromium = new HeadlessChromium(profile);
            String dom = chromium.dumpDom("http://127.0.0.1:" + admin.getPort() + "/", "--virtual-time-budget=2500");
            assertEquals("connected", attribute(tag(dom, "<body[^>]*>"), "data-state"), "the page reached the server");
            assertEquals("2", attribute(tag(dom, "<tbody[^>]*>"), "data-count"), "both exchanges on the page");
            assertFalse(dom.contains("data-pwned"), "nothing the client sent ran in the page");
            assertFalse(Pattern.compile("<img", Pattern.CASE_INSENSITIVE).matcher(dom).find(), "no element from the client's bytes");
            assertFalse(dom.contains("<b>1</b>"), "no markup from the client's bytes");
            assertTrue(dom.contains("\\x1b[2J&lt;script&gt;document.body.dataset.pwned='script'&lt;/script&gt;&lt;img src=x"),
                    "the echoed bytes are on the page as escaped text");
            assertTrue(dom.contains("\\x00\\xff"), "NUL and 0xff as escapes");
            String bad = tag(dom, "<tr[^>]*data-ending=\"bad-request\"[^>]*>");
            assertEquals("bad", attribute(bad, "class"), "the refused calc request is marked");
            assertEquals("calc", attribute(bad, "data-service"));
            String good = tag(dom, "<tr[^>]*data-ending=\"reply\"[^>]*>");
            assertEquals("echo", attribute(good, "data-service"));
            assertFalse(good.contains("class="), "a reply is not marked: " + good);

            String other = chromium.dumpDom("http://127.0.0.1:" + admin.getPort() + "/?client=10.9.9.9", "--virtual-time-budget=2500");
            assertEquals("connected", attribute(tag(other, "<body[^>]*>"), "data-state"));
            assertEquals("0", attribute(tag(other, "<tbody[^>]*>"), "data-count"), "another client's filter shows none of these");
        }
    }

    private static String tag(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        assertTrue(m.find(), "no " + regex + " in the DOM:\n" + dom);
        return m.group();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        assertTrue(m.find(), "no " + name + " in " + tag);
        return m.group(1);
    }
}
