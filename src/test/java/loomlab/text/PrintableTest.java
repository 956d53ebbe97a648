package loomlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import loomlab.text.Printable.Style;
import org.junit.jupiter.api.Test;

/** The one escaper, byte by byte and char by char, in each of its styles. */
class PrintableTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    private static String bytes(String h, Style style) {
        byte[] b = hex(h);
        StringBuilder sb = new StringBuilder();
        assertFalse(Printable.append(sb, b, 0, b.length, style, '"', b.length));
        return sb.toString();
    }

    private static String text(String s, Style style, char quote) {
        StringBuilder sb = new StringBuilder();
        assertFalse(Printable.append(sb, s, style, quote, Integer.MAX_VALUE));
        return sb.toString();
    }

    @Test
    void controlBytesAndDelAreEscapedPrintableAsciiIsNot() {
        assertEquals("\\x00\\x01\\x07\\x08\\x09\\x0a\\x0b\\x0c\\x0d\\x1b\\x1f\\x7f", bytes("00010708090a0b0c0d1b1f7f", Style.HEX));
        assertEquals("\\x00\\x01\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x1b\\x1f\\x7f", bytes("00010708090a0b0c0d1b1f7f", Style.C));
        assertEquals(" az~AZ09!#&'<>", bytes("20617a7e415a3039212326273c3e", Style.HEX));
        assertEquals("\\x1b[31mred\\x1b[0m", Printable.escape(hex("1b5b33316d7265641b5b306d"), 0, 12));
    }

    @Test
    void theBackslashAndTheQuoteCannotBeMistakenForAnEscape() {
        assertEquals("\\x22\\x5c", bytes("225c", Style.HEX));
        assertEquals("\\\"\\\\", bytes("225c", Style.C));
        assertEquals("\\x22\\x5c", Printable.escape(hex("225c"), 0, 2), "safe inside double quotes without any around it");
        assertEquals("it\\'s \"so\" a\\\\b", text("it's \"so\" a\\b", Style.JAVA, '\''));
        assertEquals("it's \"so\" a\\\\b", text("it's \"so\" a\\b", Style.JAVA, (char) 0));
        assertEquals("a\\x5cb", text("a\\b", Style.HEX, (char) 0));
    }

    @Test
    void bytesAreShownUndecodedSoInvalidUtf8IsAsHarmlessAsValid() {
        assertEquals("\\xc3(", bytes("c328", Style.HEX), "a lead byte without its continuation");
        assertEquals("\\x80\\xbf", bytes("80bf", Style.HEX), "continuation bytes alone");
        assertEquals("\\xc0\\xaf", bytes("c0af", Style.C), "an overlong '/'");
        assertEquals("\\xed\\xa0\\x80", bytes("eda080", Style.HEX), "an encoded surrogate");
        assertEquals("\\xe2\\x82", bytes("e282", Style.HEX), "cut in the middle of a character");
        assertEquals("\\xfe\\xff", bytes("feff", Style.C));
        assertEquals("caf\\xc3\\xa9", bytes("636166c3a9", Style.HEX), "valid UTF-8 is escaped just the same");
    }

    @Test
    void c1ControlsAreEscapedAsBytesAndAsText() {
        assertEquals("\\xc2\\x85\\xc2\\x9b", bytes("c285c29b", Style.HEX), "NEL and CSI in UTF-8");
        assertEquals("\\x9b31m", bytes("9b33316d", Style.C), "CSI as one byte");
        assertEquals("a\\u0085b\\u009b31m", text("a\u0085b\u009b31m", Style.JAVA, (char) 0));
        assertEquals("a\\x85b\\x9b31m", text("a\u0085b\u009b31m", Style.HEX, (char) 0));
        assertEquals("\\u007f\\u0000\\u001b", text("\u007f\u0000\u001b", Style.JAVA, (char) 0));
        assertEquals("\\x7f\\x00\\x1b", text("\u007f\u0000\u001b", Style.HEX, (char) 0));
    }

    @Test
    void bidiControlsAndOtherInvisibleFormatCharactersAreEscaped() {
        assertEquals("\\xe2\\x80\\xae", bytes("e280ae", Style.HEX), "RIGHT-TO-LEFT OVERRIDE in UTF-8");
        String bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";
        String shown = "\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c";
        for (Style style : Style.values()) {
            assertEquals("abc" + shown + "txt.exe", text("abc" + bidi + "txt.exe", style, (char) 0), style.name());
            assertEquals("\\u200b\\u200d\\ufeff\\u2028\\u2029", text("\u200b\u200d\ufeff\u2028\u2029", style, (char) 0), style.name());
        }
        assertEquals("\\u00ad", text("\u00ad", Style.JAVA, (char) 0), "a soft hyphen is invisible too");
        assertEquals("\\xad", text("\u00ad", Style.HEX, (char) 0));
    }

    @Test
    void lettersOfAnyScriptStayAsTheyAreButLoneSurrogatesDoNot() {
        for (Style style : Style.values()) {
            assertEquals("é ñ 中 ж 😀", text("é ñ 中 ж 😀", style, (char) 0), style.name());
            assertEquals("a\\ud800b\\udc00", text("a\ud800b\udc00", style, (char) 0), style.name());
            assertEquals("\\ude00\\ud83d", text("\ude00\ud83d", style, (char) 0), "a pair the wrong way round: " + style);
        }
    }

    @Test
    void longBytesAreCutAndSaySo() {
        byte[] many = new byte[1000];
        java.util.Arrays.fill(many, (byte) 'x');
        assertEquals("\"" + "x".repeat(Printable.WIRE_SHOWN) + "\"... (1000 bytes)", Printable.quote(many, 0, many.length));
        assertEquals("\"xxxx\"...", Printable.quoted(many, 0, 4, 1000, Style.C, 48, false), "the start of what was received");
        assertEquals("\"xx\"", Printable.quoted(many, 0, 2, 2, Style.C, 48, false));
        assertEquals("\"\"", Printable.quote(many, 0, 0));
        assertEquals("x".repeat(1000), Printable.escape(many, 0, 1000), "escape shows everything");
        StringBuilder sb = new StringBuilder();
        assertTrue(Printable.append(sb, many, 10, 990, Style.HEX, '"', 5));
        assertEquals("xxxxx", sb.toString());
        assertEquals("\"\\x01\\x02\"", Printable.quote(hex("00010203"), 1, 2), "an offset and a length");
    }

    @Test
    void longTextIsCutByCharactersOfTheInputNeverInsideASurrogatePair() {
        assertEquals("x".repeat(60) + "...", Printable.shortened("x".repeat(4096), Style.JAVA, 60, "..."));
        assertEquals("x".repeat(60), Printable.shortened("x".repeat(60), Style.JAVA, 60, "..."), "exactly at the limit: not cut");
        assertEquals("\\n".repeat(3) + "…", Printable.shortened("\n".repeat(10), Style.C, 3, "…"), "an escape counts as one character");
        assertEquals("a".repeat(59) + "...", Printable.shortened("a".repeat(59) + "😀b", Style.JAVA, 60, "..."), "the pair is left out whole");
        assertEquals("a".repeat(58) + "😀...", Printable.shortened("a".repeat(58) + "😀b", Style.JAVA, 60, "..."));
        assertEquals("", Printable.shortened("", Style.HEX, 10, "..."));
    }

    @Test
    void nothingUnsafeEverComesOutOfAnyByteOrAnyChar() {
        for (Style style : Style.values()) {
            for (int b = 0; b < 256; b++) {
                String out = Printable.escape(new byte[] {(byte) b}, 0, 1);
                assertTrue(out.chars().allMatch(c -> c >= 0x20 && c < 0x7f), style + " byte " + b + ": " + out);
                StringBuilder sb = new StringBuilder();
                Printable.append(sb, new byte[] {(byte) b}, 0, 1, style, '"', 1);
                assertTrue(sb.chars().allMatch(c -> c >= 0x20 && c < 0x7f), style + " byte " + b + ": " + sb);
            }
            for (int c = 0; c <= 0xffff; c++) {
                String out = text(String.valueOf((char) c), style, '\'');
                for (int i = 0; i < out.length(); i++) {
                    char o = out.charAt(i);
                    int type = Character.getType(o);
                    assertFalse(Character.isISOControl(o) || type == Character.FORMAT || type == Character.SURROGATE
                            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR,
                            style + " U+" + Integer.toHexString(c) + " came out as " + out);
                }
                assertTrue(out.length() == 1 || out.charAt(0) == '\\', style + " U+" + Integer.toHexString(c) + ": " + out);
            }
        }
    }
}
