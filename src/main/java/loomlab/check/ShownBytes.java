package loomlab.check;

import java.util.HexFormat;
import loomlab.text.Printable;
import loomlab.text.Printable.Style;

/**
 * Bytes that came from someone else's server, made safe to show: hex, and the same bytes as text
 * with everything that is not printable ASCII escaped ({@code \x00}, {@code \n}); both shortened.
 * Nothing a server sends can move the cursor, change colours or break a JSON or XML report.
 */
public final class ShownBytes {

    /** Bytes shown in full; longer runs show their start and their length. */
    public static final int MAX_SHOWN = 48;

    private ShownBytes() { }

    /** "45 73 74 6f ... (1000 bytes)": at most {@value #MAX_SHOWN} bytes, then the total. */
    public static String hex(byte[] bytes, long total) {
        int n = Math.min(bytes.length, MAX_SHOWN);
        StringBuilder sb = new StringBuilder(n * 3 + 16);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(hex.toHexDigits(bytes[i]));
        }
        if (total > n) sb.append(" ... (").append(total).append(" bytes)");
        return sb.toString();
    }

    public static String hex(byte[] bytes) {
        return hex(bytes, bytes.length);
    }

    /** {@code "Esto es\x00"} with quotes, printable ASCII as is, the rest escaped ({@link Style#C}). */
    public static String text(byte[] bytes, long total) {
        return Printable.quoted(bytes, 0, bytes.length, total, Style.C, MAX_SHOWN, false);
    }

    public static String text(byte[] bytes) {
        return text(bytes, bytes.length);
    }
}
