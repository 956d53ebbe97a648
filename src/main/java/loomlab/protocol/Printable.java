package loomlab.protocol;

/** Bytes from a peer shown to a person: hostile wherever they appear, so escaped and shortened. */
public final class Printable {

    private Printable() { }

    /** {@code "PROXY\x0d\x0a"}: printable ASCII as is, anything else as \xNN, at most 32 bytes shown. */
    public static String quote(byte[] buf, int off, int len) {
        int shown = Math.min(len, 32);
        StringBuilder sb = new StringBuilder(shown + 8).append('"');
        for (int i = off; i < off + shown; i++) {
            int b = buf[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        sb.append('"');
        if (len > shown) sb.append("... (").append(len).append(" bytes)");
        return sb.toString();
    }
}
