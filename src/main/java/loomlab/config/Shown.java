package loomlab.config;

import loomlab.text.Printable;
import loomlab.text.Printable.Style;

/**
 * A value from a file or a command line, made safe to echo in a message by {@link Printable} in
 * its {@link Style#JAVA} style: control characters escaped (a newline or an ESC byte in a name
 * must not reach a terminal raw) and long values shortened, so that one message stays one
 * readable line.
 */
public final class Shown {

    /** Characters of a value shown before it is cut. */
    static final int MAX_SHOWN = 60;

    private Shown() { }

    /** {@code 'value'} escaped and shortened: {@code 'a\nb'}, {@code 'xxxx...' (4096 characters)}. */
    public static String quoted(String value) {
        if (value == null) return "null";
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 32).append('\'');
        if (Printable.append(b, value, Style.JAVA, '\'', MAX_SHOWN)) b.append("...");
        b.append('\'');
        if (value.length() > MAX_SHOWN) b.append(" (").append(value.length()).append(" characters)");
        return b.toString();
    }

    /** The value escaped and shortened, without quotes. */
    public static String escaped(String value) {
        return escaped(value, MAX_SHOWN);
    }

    /** The value escaped, cut after {@code max} characters. */
    public static String escaped(String value, int max) {
        return Printable.shortened(value, Style.JAVA, max, "...");
    }
}
