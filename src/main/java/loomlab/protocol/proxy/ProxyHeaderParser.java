package loomlab.protocol.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import loomlab.net.IpAddress;
import loomlab.text.Printable;

/**
 * The PROXY protocol header, versions 1 and 2, as HAProxy's doc/proxy-protocol.txt specifies it:
 * a pure function from the bytes received so far to "need more", a header and its length, or a
 * refusal. Nothing about sockets; {@link ProxyHeaderReader} feeds it from a stream.
 *
 * <p>Strict where the specification is: v1 is exactly one line of single-space separated fields
 * ending in CRLF within 107 bytes, no leading zeros, no lone CR or LF; v2 must have version 2, a
 * known command, a known family and protocol, and an address block long enough for its family.
 * Bounded: a v2 block longer than {@link #MAX_V2_BLOCK} bytes (TLVs included) is refused. TLVs are
 * skipped, as the length says. Families this server cannot use (UNIX sockets, UDP on a TCP
 * service, UNSPEC) fall back to the connection's own endpoints, as the specification allows.
 */
public final class ProxyHeaderParser {

    /** "PROXY " */
    static final byte[] V1_SIGNATURE = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    /** \r\n\r\n\0\r\nQUIT\n */
    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    /** The longest v1 line the specification allows, CRLF included. */
    public static final int MAX_V1_LENGTH = 107;
    /** v2: the fixed part (signature, version and command, family, length). */
    public static final int V2_FIXED_LENGTH = 16;
    /** v2: the longest address block (addresses + TLVs) accepted; HAProxy's own TLVs fit easily. */
    public static final int MAX_V2_BLOCK = 1024;
    /** The most bytes a header may take: a buffer of this size always holds one. */
    public static final int MAX_LENGTH = V2_FIXED_LENGTH + MAX_V2_BLOCK;

    private ProxyHeaderParser() { }

    /**
     * Parses the header at the start of {@code buf[0..len)}.
     *
     * @return the header (its {@link ProxyHeader#length()} says where the client's bytes begin), or
     *         null when the bytes so far are a valid beginning and more are needed
     * @throws BadProxyHeader when the bytes cannot be the start of a valid header
     */
    public static ProxyHeader parse(byte[] buf, int len) throws BadProxyHeader {
        if (len == 0) return null;
        if (buf[0] == 'P') {
            int n = Math.min(len, V1_SIGNATURE.length);
            if (!startsWith(buf, n, V1_SIGNATURE, n)) throw notAHeader(buf, len);
            return n < V1_SIGNATURE.length ? null : parseV1(buf, len);
        }
        if (buf[0] == V2_SIGNATURE[0]) {
            int n = Math.min(len, V2_SIGNATURE.length);
            if (!startsWith(buf, n, V2_SIGNATURE, n)) throw notAHeader(buf, len);
            return len < V2_FIXED_LENGTH ? null : parseV2(buf, len);
        }
        throw notAHeader(buf, len);
    }

    /** True when {@code buf} begins with either signature, complete: for logging what a stranger sent. */
    public static boolean looksLikeHeader(byte[] buf, int len) {
        return startsWith(buf, len, V1_SIGNATURE, V1_SIGNATURE.length) || startsWith(buf, len, V2_SIGNATURE, V2_SIGNATURE.length);
    }

    // ---- version 1: "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n" ----

    private static ProxyHeader parseV1(byte[] buf, int len) throws BadProxyHeader {
        int limit = Math.min(len, MAX_V1_LENGTH);
        int end = -1;
        for (int i = 0; i < limit; i++) {
            if (buf[i] == '\n') throw new BadProxyHeader("v1 header: a line feed without a carriage return before it");
            if (buf[i] == '\r') {
                if (i + 1 >= len) return null;
                if (buf[i + 1] != '\n') throw new BadProxyHeader("v1 header: a carriage return without a line feed after it");
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (len >= MAX_V1_LENGTH) throw new BadProxyHeader("v1 header: no CRLF within " + MAX_V1_LENGTH + " bytes");
            return null;
        }
        for (int i = 0; i < end; i++) {
            if (buf[i] < 0x20 || buf[i] >= 0x7f) {
                throw new BadProxyHeader("v1 header: a byte that is not printable US-ASCII: " + Printable.quote(buf, 0, end));
            }
        }
        String line = new String(buf, 0, end, StandardCharsets.US_ASCII);
        String[] f = line.split(" ", -1);
        int length = end + 2;
        if (f.length >= 2 && f[1].equals("UNKNOWN")) {
            // The receiver must ignore anything after UNKNOWN up to the CRLF.
            return new ProxyHeader(1, null, null, length);
        }
        if (f.length != 6) {
            throw new BadProxyHeader("v1 header: expected 'PROXY TCP4|TCP6|UNKNOWN source destination sport dport', got "
                    + Printable.quote(buf, 0, end));
        }
        int version = switch (f[1]) {
            case "TCP4" -> 4;
            case "TCP6" -> 6;
            default -> throw new BadProxyHeader("v1 header: unknown protocol " + Printable.quote(buf, 6, f[1].length())
                    + " (TCP4, TCP6 or UNKNOWN)");
        };
        InetAddress src = v1Address(f[2], version, "source");
        InetAddress dst = v1Address(f[3], version, "destination");
        int sport = v1Port(f[4], "source");
        int dport = v1Port(f[5], "destination");
        return new ProxyHeader(1, new InetSocketAddress(src, sport), new InetSocketAddress(dst, dport), length);
    }

    private static InetAddress v1Address(String text, int version, String which) throws BadProxyHeader {
        IpAddress a;
        try {
            a = IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadProxyHeader("v1 header: the " + which + " address " + quote(text) + " is not an IP address");
        }
        if (a.version() != version || a.scopeId() != null) {
            throw new BadProxyHeader("v1 header: the " + which + " address " + quote(text) + " is not an IPv" + version
                    + " address (TCP" + version + ")");
        }
        return inet(a.packed());
    }

    private static int v1Port(String text, String which) throws BadProxyHeader {
        boolean digits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || (text.length() > 1 && text.charAt(0) == '0') || Integer.parseInt(text) > 65535) {
            throw new BadProxyHeader("v1 header: the " + which + " port " + quote(text)
                    + " is not a number 0-65535 without leading zeros");
        }
        return Integer.parseInt(text);
    }

    // ---- version 2: signature, ver_cmd, fam, len (big-endian), address block ----

    private static ProxyHeader parseV2(byte[] buf, int len) throws BadProxyHeader {
        int verCmd = buf[12] & 0xff;
        if (verCmd >> 4 != 2) throw new BadProxyHeader("v2 header: version " + (verCmd >> 4) + ", only 2 exists");
        int command = verCmd & 0x0f;
        if (command > 1) throw new BadProxyHeader("v2 header: unknown command " + command + " (0 LOCAL or 1 PROXY)");
        int fam = buf[13] & 0xff;
        int family = fam >> 4;
        int transport = fam & 0x0f;
        if (family > 3) throw new BadProxyHeader("v2 header: unknown address family " + family);
        if (transport > 2) throw new BadProxyHeader("v2 header: unknown transport protocol " + transport);
        int block = ((buf[14] & 0xff) << 8) | (buf[15] & 0xff);
        if (block > MAX_V2_BLOCK) {
            throw new BadProxyHeader("v2 header: " + block + " bytes of addresses and TLVs, more than the " + MAX_V2_BLOCK
                    + " this server accepts");
        }
        int length = V2_FIXED_LENGTH + block;
        if (len < length) return null;
        // LOCAL (the balancer's own health check), UNSPEC, UNIX sockets, or a datagram on a stream
        // connection: the connection's own endpoints stand.
        if (command == 0 || transport != 1 || (family != 1 && family != 2)) return new ProxyHeader(2, null, null, length);
        int size = family == 1 ? 4 : 16;
        if (block < 2 * size + 4) {
            throw new BadProxyHeader("v2 header: " + block + " bytes are too few for " + (family == 1 ? "IPv4" : "IPv6")
                    + " addresses and ports (" + (2 * size + 4) + ")");
        }
        int at = V2_FIXED_LENGTH;
        InetAddress src = inet(slice(buf, at, size));
        InetAddress dst = inet(slice(buf, at + size, size));
        int ports = at + 2 * size;
        int sport = ((buf[ports] & 0xff) << 8) | (buf[ports + 1] & 0xff);
        int dport = ((buf[ports + 2] & 0xff) << 8) | (buf[ports + 3] & 0xff);
        return new ProxyHeader(2, new InetSocketAddress(src, sport), new InetSocketAddress(dst, dport), length);
    }

    // ---- helpers ----

    private static boolean startsWith(byte[] buf, int len, byte[] prefix, int n) {
        if (len < n) return false;
        for (int i = 0; i < n; i++) {
            if (buf[i] != prefix[i]) return false;
        }
        return true;
    }

    private static byte[] slice(byte[] buf, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(buf, off, out, 0, len);
        return out;
    }

    private static InetAddress inet(byte[] packed) {
        try {
            return InetAddress.getByAddress(packed); // raw bytes: no name lookup
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes", e);
        }
    }

    private static String quote(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Printable.quote(b, 0, b.length);
    }

    private static BadProxyHeader notAHeader(byte[] buf, int len) {
        return new BadProxyHeader("not a PROXY protocol header: the connection starts with " + Printable.quote(buf, 0, len));
    }
}
