package loomlab.text;

/**
 * Bytes or text from someone else shown to a person: the one escaper of loomlab. Whatever a peer,
 * a file or a command line sent, what comes out has no control character, no bidi control and no
 * lone surrogate, so it cannot move a terminal's cursor or change its colours, reorder a line, end
 * a log line or break a JSON or XML report; and it is cut at a limit.
 *
 * <p>What is unsafe depends on what is shown. Bytes are shown undecoded: anything but printable
 * ASCII (0x20 to 0x7e) is unsafe, so invalid UTF-8 is as harmless as valid UTF-8. In text, the C0
 * and C1 controls and DEL, format characters (category Cf: the bidi controls, zero-width joiners,
 * the byte order mark), lone surrogates and the separators U+2028 and U+2029 are unsafe; other
 * letters of any script are shown as they are.
 *
 * <p>How an unsafe unit is written is the {@link Style}. A text is safe inside a {@code quote}
 * character when one is given: the quote is escaped too. Limits count units of the input (bytes or
 * UTF-16 chars), not of the output, and a cut never splits a surrogate pair.
 */
public final class Printable {

    /** How an unsafe byte or char is written. */
    public enum Style {
        /**
         * {@code \x1b}: every unsafe unit as {@code \xNN} ({@code \}{@code uNNNN} above 0xff), and the
         * backslash and the quote too ({@code \x5c}, {@code \x22}), so that the result reads back
         * without letter escapes: the wire's bytes in log lines, /traces and protocol errors.
         */
        HEX(false, false),
        /**
         * {@code \n \r \t \\} and the quote as a C or JSON string writes them, the other unsafe units
         * as {@code \xNN} ({@code \}{@code uNNNN} above 0xff): check's reports.
         */
        C(true, false),
        /**
         * {@code \n \r \t \\} and the quote as a Java string writes them, the other unsafe units as
         * {@code \}{@code uNNNN}: values from a config file or a command line in messages.
         */
        JAVA(true, true);

        private final boolean letters;
        private final boolean unicode;

        Style(boolean letters, boolean unicode) {
            this.letters = letters;
            this.unicode = unicode;
        }
    }

    /** Bytes of the wire shown in {@link #quote}. */
    public static final int WIRE_SHOWN = 32;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Printable() { }

    /** {@code "PROXY\x0d\x0a"}: at most {@value #WIRE_SHOWN} bytes in double quotes, in {@link Style#HEX}, then {@code ... (N bytes)}. */
    public static String quote(byte[] buf, int off, int len) {
        return quoted(buf, off, len, len, Style.HEX, WIRE_SHOWN, true);
    }

    /**
     * {@code PROXY\x0d\x0a}: all {@code len} bytes in {@link Style#HEX}, no quotes around them but
     * safe inside double quotes. Plain ASCII without a control character: safe in a terminal, a log
     * line, JSON.
     */
    public static String escape(byte[] buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        append(sb, buf, off, len, Style.HEX, '"', len);
        return sb.toString();
    }

    /**
     * At most {@code max} of the {@code len} bytes in double quotes; when {@code total} (what was
     * received, of which these bytes may be the start) is more than that, {@code ...} after the
     * closing quote, and {@code " (N bytes)"} with {@code sayTotal}.
     */
    public static String quoted(byte[] buf, int off, int len, long total, Style style, int max, boolean sayTotal) {
        int shown = Math.min(len, max);
        StringBuilder sb = new StringBuilder(shown + 24).append('"');
        append(sb, buf, off, shown, style, '"', shown);
        sb.append('"');
        if (total > shown) {
            sb.append("...");
            if (sayTotal) sb.append(" (").append(total).append(" bytes)");
        }
        return sb.toString();
    }

    /** The text in {@code style}, no quotes, cut after {@code max} chars with {@code cutMark}: {@code a\nb}, {@code xxx...}. */
    public static String shortened(CharSequence text, Style style, int max, String cutMark) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        if (append(sb, text, style, (char) 0, max)) sb.append(cutMark);
        return sb.toString();
    }

    /**
     * Appends at most {@code max} of the bytes {@code buf[off, off + len)}, printable ASCII as is,
     * the rest in {@code style}; {@code quote} (0 for none) is escaped as well. Returns true when
     * bytes were left out.
     */
    public static boolean append(StringBuilder out, byte[] buf, int off, int len, Style style, char quote, int max) {
        int n = Math.min(len, max);
        for (int i = off; i < off + n; i++) {
            int b = buf[i] & 0xff;
            put(out, b, b < 0x20 || b >= 0x7f, style, quote);
        }
        return n < len;
    }

    /**
     * Appends at most {@code max} chars of the text, the unsafe ones (see the class comment) in
     * {@code style}; {@code quote} (0 for none) is escaped as well. A surrogate pair that would be
     * split at the limit is left out whole. Returns true when chars were left out.
     */
    public static boolean append(StringBuilder out, CharSequence text, Style style, char quote, int max) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == max || i == max - 1 && Character.isHighSurrogate(c)) return true;
            put(out, c, unsafe(text, i, c), style, quote);
        }
        return false;
    }

    private static boolean unsafe(CharSequence text, int i, char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || c == '\u2028' || c == '\u2029'
                || type == Character.SURROGATE && !paired(text, i, c);
    }

    private static boolean paired(CharSequence s, int i, char c) {
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static void put(StringBuilder out, int unit, boolean unsafe, Style style, char quote) {
        boolean special = unit == '\\' || quote != 0 && unit == quote;
        if (style.letters) {
            switch (unit) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (special) out.append('\\').append((char) unit);
                    else if (unsafe) code(out, unit, style.unicode);
                    else out.append((char) unit);
                }
            }
        } else if (unsafe || special) {
            code(out, unit, false);
        } else {
            out.append((char) unit);
        }
    }

    /** {@code \x1b}, or {@code \}{@code u001b} ({@code unicode}, or above 0xff). */
    private static void code(StringBuilder out, int unit, boolean unicode) {
        if (unicode || unit > 0xff) {
            out.append("\\u").append(DIGITS[unit >> 12 & 0xf]).append(DIGITS[unit >> 8 & 0xf]);
        } else {
            out.append("\\x");
        }
        out.append(DIGITS[unit >> 4 & 0xf]).append(DIGITS[unit & 0xf]);
    }
}
