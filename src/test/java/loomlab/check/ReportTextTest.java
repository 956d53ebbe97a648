package loomlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import loomlab.check.CheckResult.Status;
import org.junit.jupiter.api.Test;

/** The rendering of server bytes and of the text report, without a socket. */
class ReportTextTest {

    @Test
    void serverBytesAreHexAndEscapedTextShortened() {
        byte[] bytes = "a\"\\\n\r\t\u001b\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("61 22 5c 0a 0d 09 1b 00 ff", ShownBytes.hex(bytes));
        assertEquals("\"a\\\"\\\\\\n\\r\\t\\x1b\\x00\\xff\"", ShownBytes.text(bytes));
        byte[] many = new byte[1000];
        String hex = ShownBytes.hex(many, many.length);
        assertTrue(hex.endsWith(" ... (1000 bytes)"), hex);
        assertEquals(ShownBytes.MAX_SHOWN, hex.split(" \\.\\.\\.")[0].split(" ").length);
        assertTrue(ShownBytes.text(many, many.length).endsWith("\"..."));
    }

    @Test
    void colourOnlyPaintsTheStatusAndTheVerdictNeverServerBytes() {
        byte[] hostile = "\u001b[31mred\u001b[0m\0".getBytes(StandardCharsets.ISO_8859_1);
        CheckTarget target = new CheckTarget("127.0.0.1", InetAddress.getLoopbackAddress(), 9, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(1));
        CheckResult failed = new CheckResult("calc.lecture", "the lecture's exchange", Status.FAIL, true, new byte[] {'5', 0},
                2, new Received(hostile, Received.End.CLOSED, Duration.ofMillis(3)), "-3, then a NUL", "not a number",
                "a hint", Duration.ofMillis(5));
        CheckReport report = new CheckReport("calc", target, Messages.Lang.EN, false, true, List.of(failed), List.of(),
                Duration.ofMillis(5));
        String plain = TextReport.render(report, CheckRuns.EN, false);
        assertFalse(plain.contains("\u001b"), plain);
        assertTrue(plain.contains("\"\\x1b[31mred\\x1b[0m\\x00\", then the server closed the connection after 3 ms"), plain);
        String coloured = TextReport.render(report, CheckRuns.EN, true);
        assertTrue(coloured.contains("\u001b[31mFAIL \u001b[0m"), coloured);
        // Without the painted status, hint label and verdict, not one escape is left: none came from the server.
        String unpainted = coloured.replace("\u001b[31mFAIL \u001b[0m", "").replace("\u001b[1m", "")
                .replace("\u001b[31;1m", "").replace("\u001b[0m", "");
        assertFalse(unpainted.contains("\u001b"), unpainted);
    }

    @Test
    void everyTextExistsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties es = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/loomlab/check/messages.properties")) {
            en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (var in = getClass().getResourceAsStream("/loomlab/check/messages_es.properties")) {
            es.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), es.keySet());
        assertEquals("Resultado: APTO (salida 0)", Messages.of(Messages.Lang.ES).get("report.verdict.ok"));
        assertEquals(Messages.Lang.ES, Messages.Lang.fromLocale(java.util.Locale.forLanguageTag("es-ES")));
        assertEquals(Messages.Lang.EN, Messages.Lang.fromLocale(java.util.Locale.GERMANY));
    }

    @Test
    void englishOnASpanishMachineIsEnglish() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("es-ES"));
            assertEquals("Result: PASS (exit 0)", Messages.of(Messages.Lang.EN).get("report.verdict.ok"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
