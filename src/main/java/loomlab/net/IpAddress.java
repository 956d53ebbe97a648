package loomlab.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An IPv4 or IPv6 address parsed from its literal text with the rules of Python's
 * {@code ipaddress.ip_address} (see {@link IpLiteralParser}), never through a name lookup: Java's
 * {@code InetAddress.getByName} would ask DNS about anything that is not a literal, and the
 * lecture's {@code ip_address.py} never does.
 */
public final class IpAddress {

    private final byte[] bytes;
    private final String scopeId;

    IpAddress(byte[] bytes, String scopeId) {
        if (bytes.length != 4 && bytes.length != 16) throw new IllegalArgumentException("4 or 16 bytes");
        if (scopeId != null && bytes.length != 16) throw new IllegalArgumentException("scope id on IPv4");
        this.bytes = bytes.clone();
        this.scopeId = scopeId;
    }

    /** Parses a literal; throws {@link IllegalArgumentException} naming what is wrong. */
    public static IpAddress parse(String text) {
        return IpLiteralParser.parse(text);
    }

    /** 4 or 6. */
    public int version() {
        return bytes.length == 4 ? 4 : 6;
    }

    /** Python's {@code addr.packed}: the bytes in network order (a copy). */
    public byte[] packed() {
        return bytes.clone();
    }

    /** The packed form as lower-case hex, as {@code binascii.hexlify(addr.packed)}. */
    public String packedHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The address of a socket or lookup result (its zone, if any, is dropped). */
    public static IpAddress of(InetAddress address) {
        return new IpAddress(address.getAddress(), null);
    }

    /** Python's {@code int(addr)}: the unsigned value of the packed bytes. */
    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    /** The zone of an IPv6 address ({@code fe80::1%eth0}), or null. */
    public String scopeId() {
        return scopeId;
    }

    /** Python's {@code ipv4_mapped}: the IPv4 address inside {@code ::ffff:a.b.c.d}, or null. */
    public IpAddress ipv4Mapped() {
        if (bytes.length != 16) return null;
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) return null;
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) return null;
        return new IpAddress(Arrays.copyOfRange(bytes, 12, 16), null);
    }

    /** For sockets; built from the bytes, so no lookup ever happens. */
    public InetAddress toInetAddress() throws UnknownHostException {
        if (scopeId == null) return InetAddress.getByAddress(bytes);
        // Java resolves a zone given by interface name or number without DNS.
        return InetAddress.getByName(toString());
    }

    /** Python's {@code str(addr)}: dotted quad, or compressed IPv6 with the longest zero run as "::". */
    @Override
    public String toString() {
        String text = version() == 4 ? dottedQuad(bytes, 0) : compressedV6();
        return scopeId == null ? text : text + "%" + scopeId;
    }

    private String compressedV6() {
        IpAddress mapped = ipv4Mapped();
        if (mapped != null) return "::ffff:" + mapped; // Python 3.13+ writes mapped addresses this way
        int[] hextets = new int[8];
        for (int i = 0; i < 8; i++) hextets[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        // The first longest run of two or more zero hextets becomes "::" (RFC 5952, as Python does).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (hextets[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && hextets[i] == 0) i++;
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(hextets[i]));
            if (i < 7) sb.append(':');
        }
        return sb.toString();
    }

    static String dottedQuad(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes)
                && java.util.Objects.equals(scopeId, other.scopeId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + java.util.Objects.hashCode(scopeId);
    }
}
