package loomlab;

import java.nio.charset.StandardCharsets;

/** Byte helpers for tests that assert on the wire. */
public final class Bytes {

    private Bytes() { }

    /** ASCII bytes of a string in which "\0" stands for NUL, as the lecture writes it. */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A calc request "a\0b\0op\0". */
    public static byte[] calcRequest(String a, String b, String op) {
        return ascii(a + "\0" + b + "\0" + op + "\0");
    }

    /** Makes NULs and other control bytes visible in assertion messages. */
    public static String show(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (byte x : data) {
            int b = x & 0xff;
            if (b == 0) sb.append("\\0");
            else if (b >= 0x20 && b < 0x7f) sb.append((char) b);
            else sb.append(String.format("\\x%02x", b));
        }
        return sb.toString();
    }
}
