package loomlab.check;

import java.util.HexFormat;

/**
 * Bytes that came from someone else's server, made safe to show: hex, and the same bytes as text
 * with everything that is not printable ASCII escaped ({@code \x00}, {@code \n}); both shortened.
 * Nothing a server sends can move the cursor, change colours or break a JSON or XML report.
 */
public final class Shown {

    /** Bytes shown in full; longer runs show their start and their length. */
    public static final int MAX_SHOWN = 48;

    private Shown() { }

    /** "45 73 74 6f ..." (at most {@value #MAX_SHOWN} bytes, then "… (N bytes)"). */
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

    /** {@code "Esto es\x00"} with quotes, printable ASCII as is, the rest escaped. */
    public static String text(byte[] bytes, long total) {
        int n = Math.min(bytes.length, MAX_SHOWN);
        StringBuilder sb = new StringBuilder(n + 8).append('"');
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        sb.append((char) b);
                    } else {
                        sb.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        sb.append('"');
        if (total > n) sb.append("...");
        return sb.toString();
    }

    public static String text(byte[] bytes) {
        return text(bytes, bytes.length);
    }
}
