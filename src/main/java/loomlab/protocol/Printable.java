package loomlab.protocol;

/** Bytes from a peer shown to a person: hostile wherever they appear, so escaped and shortened. */
public final class Printable {

    private Printable() { }

    /** {@code "PROXY\x0d\x0a"}: printable ASCII as is, anything else as \xNN, at most 32 bytes shown. */
    public static String quote(byte[] buf, int off, int len) {
        int shown = Math.min(len, 32);
        StringBuilder sb = new StringBuilder(shown + 8).append('"');
        escape(sb, buf, off, shown);
        sb.append('"');
        if (len > shown) sb.append("... (").append(len).append(" bytes)");
        return sb.toString();
    }

    /**
     * {@code PROXY\x0d\x0a}: all {@code len} bytes, printable ASCII as is, anything else (control
     * characters, ESC, NUL, bytes from 0x7f up, and {@code "} and {@code \}) as \xNN, no quotes.
     * The result is plain ASCII without a control character: safe in a terminal, a log line, JSON.
     */
    public static String escape(byte[] buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        escape(sb, buf, off, len);
        return sb.toString();
    }

    private static void escape(StringBuilder sb, byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
    }
}
