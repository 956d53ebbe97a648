package loomlab.config;

/**
 * A value from a file or a command line, made safe to echo in a message: control characters
 * escaped (a newline or an ESC byte in a name must not reach a terminal raw) and long values
 * shortened, so that one message stays one readable line.
 */
public final class Shown {

    /** Characters of a value shown before it is cut. */
    static final int MAX_SHOWN = 60;

    private Shown() { }

    /** {@code 'value'} escaped and shortened: {@code 'a\nb'}, {@code 'xxxx...' (4096 characters)}. */
    public static String quoted(String value) {
        if (value == null) return "null";
        return "'" + escaped(value, true, MAX_SHOWN) + "'" + (value.length() > MAX_SHOWN ? " (" + value.length() + " characters)" : "");
    }

    /** The value escaped and shortened, without quotes. */
    public static String escaped(String value) {
        return escaped(value, false, MAX_SHOWN);
    }

    /** The value escaped, cut after {@code max} characters. */
    public static String escaped(String value, int max) {
        return escaped(value, false, max);
    }

    private static String escaped(String value, boolean inQuotes, int max) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), max) + 8);
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (n == max || n == max - 1 && Character.isHighSurrogate(c)) {
                b.append("...");
                break;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append(inQuotes ? "\\'" : "'");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.SURROGATE && !paired(value, i)
                            || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
            n++;
        }
        return b.toString();
    }

    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
