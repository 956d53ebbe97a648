package loomlab.protocol.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import loomlab.protocol.ScriptedStream;
import org.junit.jupiter.api.Test;

/**
 * The PROXY protocol, byte by byte as HAProxy's doc/proxy-protocol.txt writes it (sections 2.1
 * and 2.2), every example fed whole and one byte at a time.
 */
class ProxyHeaderParserTest {

    private static final String SIG = "0d0a0d0a000d0a515549540a";

    // ---- version 1 ----

    @Test
    void v1Tcp4AsInTheSpecificationsExample() throws Exception {
        ProxyHeader h = wholeAndByteByByte(ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\nGET / HTTP/1.1\r\n"));
        assertEquals(1, h.version());
        assertEquals(new InetSocketAddress(ip("192.168.0.1"), 56324), h.source());
        assertEquals(new InetSocketAddress(ip("192.168.0.11"), 443), h.destination());
        assertEquals(47, h.length(), "the line with its CRLF; the request after it is the client's");
    }

    @Test
    void v1Tcp6WithCompressedZerosAndTheLongestLines() throws Exception {
        ProxyHeader h = wholeAndByteByByte(ascii("PROXY TCP6 2001:db8::1 ::1 65535 0\r\n"));
        assertEquals(new InetSocketAddress(ip("2001:db8::1"), 65535), h.source());
        assertEquals(new InetSocketAddress(ip("::1"), 0), h.destination());
        String full = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        String longest = "PROXY TCP6 " + full + " " + full + " 65535 65535\r\n";
        assertEquals(104, longest.length(), "the specification's TCP/IPv6 maximum");
        assertEquals(104, wholeAndByteByByte(ascii(longest)).length());
        String ipv4 = "PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n";
        assertEquals(56, ipv4.length());
        assertEquals(56, wholeAndByteByByte(ascii(ipv4)).length());
    }

    @Test
    void v1UnknownUsesTheConnectionsOwnAddressAndIgnoresTheRestOfTheLine() throws Exception {
        ProxyHeader shortForm = wholeAndByteByByte(ascii("PROXY UNKNOWN\r\n"));
        assertEquals(15, shortForm.length());
        assertFalse(shortForm.relayed());
        String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        ProxyHeader worst = wholeAndByteByByte(ascii("PROXY UNKNOWN " + f + " " + f + " 65535 65535\r\n"));
        assertEquals(107, worst.length(), "the specification's worst case");
        assertNull(worst.source());
    }

    @Test
    void v1IsRefusedWhenItDoesNotMatchExactly() {
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\n", "line feed without a carriage return");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\rX", "carriage return without a line feed");
        refused("PROXY TCP4 192.168.0.1  192.168.0.11 56324 443\r\n", "expected 'PROXY TCP4");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 56324\r\n", "expected 'PROXY TCP4");
        refused("PROXY TCP5 192.168.0.1 192.168.0.11 56324 443\r\n", "unknown protocol \"TCP5\"");
        refused("PROXY tcp4 192.168.0.1 192.168.0.11 56324 443\r\n", "unknown protocol");
        refused("PROXY TCP4 192.168.0.01 192.168.0.11 56324 443\r\n", "source address \"192.168.0.01\" is not an IP address");
        refused("PROXY TCP4 ::1 192.168.0.11 56324 443\r\n", "is not an IPv4 address");
        refused("PROXY TCP6 192.168.0.1 ::1 56324 443\r\n", "is not an IPv6 address");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 056324 443\r\n", "source port \"056324\"");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 5632 65536\r\n", "destination port \"65536\"");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 -1 443\r\n", "source port \"-1\"");
        refused("PROXY TCP4 192.168.0.1 192.168.0.11 1 2\u0001\r\n", "not printable");
        refused("PROXY " + "x".repeat(101), "no CRLF within 107 bytes");
        refused("PROXX TCP4", "not a PROXY protocol header: the connection starts with \"PROXX TCP4\"");
        refused("GET / HTTP/1.1\r\n", "not a PROXY protocol header");
    }

    @Test
    void v1WaitsForTheCrlfBeforeDecoding() throws Exception {
        byte[] line = ascii("PROXY TCP4 10.0.0.1 10.0.0.2 1 2\r\n");
        for (int n = 0; n < line.length; n++) assertNull(ProxyHeaderParser.parse(line, n), "incomplete after " + n + " bytes");
        assertEquals(line.length, ProxyHeaderParser.parse(line, line.length).length());
    }

    // ---- version 2 ----

    @Test
    void v2ProxyTcpOverIpv4AsHaproxySendsIt() throws Exception {
        // 13th byte 0x21: version 2, PROXY; 14th 0x11: AF_INET, STREAM; length 12 = 2*4 + 2*2.
        byte[] header = hex(SIG + "21" + "11" + "000c" + "ac130001" + "ac130003" + "a652" + "0050");
        ProxyHeader h = wholeAndByteByByte(concat(header, ascii("GET /")));
        assertEquals(2, h.version());
        assertEquals(new InetSocketAddress(ip("172.19.0.1"), 0xa652), h.source());
        assertEquals(new InetSocketAddress(ip("172.19.0.3"), 80), h.destination());
        assertEquals(28, h.length());
    }

    @Test
    void v2ProxyTcpOverIpv6WithTlvsSkipped() throws Exception {
        String src = "20010db8000000000000000000000001";
        String dst = "00000000000000000000000000000001";
        // TLVs are a type, a 2-byte length and a value: a CRC32C (0x03), then a NOOP (0x04) of length 0.
        String tlvs = "03" + "0004" + "deadbeef" + "04" + "0000";
        int block = 36 + tlvs.length() / 2;
        ProxyHeader h = wholeAndByteByByte(hex(SIG + "21" + "21" + String.format("%04x", block) + src + dst + "1f90" + "2710" + tlvs));
        assertEquals(new InetSocketAddress(ip("2001:db8::1"), 8080), h.source());
        assertEquals(new InetSocketAddress(ip("::1"), 10000), h.destination());
        assertEquals(16 + block, h.length(), "the length field covers the TLVs too");
    }

    @Test
    void v2LocalIsTheBalancersOwnConnectionWhateverTheBlockSays() throws Exception {
        ProxyHeader empty = wholeAndByteByByte(hex(SIG + "20" + "00" + "0000"));
        assertFalse(empty.relayed());
        assertEquals(16, empty.length());
        // "Receivers MUST always consider this field to skip the appropriate number of bytes".
        ProxyHeader withBlock = wholeAndByteByByte(hex(SIG + "20" + "11" + "000c" + "7f000001" + "7f000001" + "0001" + "0002"));
        assertFalse(withBlock.relayed());
        assertEquals(28, withBlock.length());
    }

    @Test
    void v2FamiliesThisServerCannotUseFallBackToTheConnectionsAddress() throws Exception {
        assertFalse(wholeAndByteByByte(hex(SIG + "21" + "00" + "0000")).relayed(), "UNSPEC");
        assertFalse(wholeAndByteByByte(hex(SIG + "21" + "12" + "000c" + "7f000001" + "7f000001" + "0001" + "0002")).relayed(), "UDP");
        assertEquals(16 + 216, wholeAndByteByByte(hex(SIG + "21" + "31" + "00d8" + "00".repeat(216))).length(), "UNIX stream");
    }

    @Test
    void v2IsRefusedWhenAFieldHasAnUnassignedValue() {
        refused(hex(SIG + "11" + "11" + "000c"), "version 1, only 2 exists");
        refused(hex(SIG + "22" + "11" + "000c"), "unknown command 2");
        refused(hex(SIG + "21" + "41" + "000c"), "unknown address family 4");
        refused(hex(SIG + "21" + "13" + "000c"), "unknown transport protocol 3");
        refused(hex(SIG + "21" + "11" + "0008" + "7f000001" + "7f000001"), "8 bytes are too few for IPv4");
        refused(hex(SIG + "21" + "21" + "000c" + "00".repeat(12)), "12 bytes are too few for IPv6");
        refused(hex("0d0a0d0a000d0a5155495420"), "not a PROXY protocol header: the connection starts with \"\\x0d\\x0a\\x0d\\x0a\\x00\\x0d\\x0aQUIT \"");
    }

    @Test
    void v2IsBoundedBeforeItsBlockIsRead() {
        // 16 bytes say 1025 follow: refused at once, nothing more is buffered.
        refused(hex(SIG + "21" + "11" + "0401"), "1025 bytes of addresses and TLVs, more than the 1024");
        // The limit itself is accepted.
        byte[] atLimit = concat(hex(SIG + "21" + "11" + "0400" + "7f000001" + "7f000002" + "0001" + "0002"), new byte[1024 - 12]);
        assertEquals(ProxyHeaderParser.MAX_LENGTH, assertParses(atLimit).length());
    }

    @Test
    void looksLikeHeaderSeesEitherSignatureComplete() {
        assertTrue(ProxyHeaderParser.looksLikeHeader(ascii("PROXY TCP4"), 10));
        assertTrue(ProxyHeaderParser.looksLikeHeader(hex(SIG), 12));
        assertFalse(ProxyHeaderParser.looksLikeHeader(ascii("PROXY"), 5));
        assertFalse(ProxyHeaderParser.looksLikeHeader(ascii("hello world!"), 12));
    }

    // ---- the reader over a stream ----

    @Test
    void theReaderReturnsTheClientsBytesThatCameWithAV1Header() throws Exception {
        ScriptedStream in = ScriptedStream.of(ascii("PROXY UNKNOWN\r\n5 8 1\n"));
        ProxyHeaderReader.Result r = ProxyHeaderReader.read(in);
        assertEquals(15, r.header().length());
        // It asked for 16 bytes first: one byte of the request came along, and nothing more was read.
        assertArrayEquals(ascii("5"), r.rest());
    }

    @Test
    void theReaderNeverReadsPastAV2Header() throws Exception {
        byte[] header = hex(SIG + "21" + "11" + "000c" + "0a000001" + "0a000002" + "3039" + "2710");
        ScriptedStream in = ScriptedStream.of(concat(header, ascii("hello")));
        ProxyHeaderReader.Result r = ProxyHeaderReader.read(in);
        assertEquals(new InetSocketAddress(ip("10.0.0.1"), 12345), r.header().source());
        assertEquals(0, r.rest().length, "the 16-byte fixed part says how much follows; the rest stays in the socket");
        byte[] after = new byte[16];
        assertEquals(5, in.read(after, 0, 16));
    }

    @Test
    void theReaderTellsAnEmptyConnectionFromATruncatedHeader() {
        assertThrows(EOFException.class, () -> ProxyHeaderReader.read(ScriptedStream.of()));
        BadProxyHeader e = assertThrows(BadProxyHeader.class, () -> ProxyHeaderReader.read(ScriptedStream.of(ascii("PROXY TCP4 1.2"))));
        assertEquals("the connection closed after 14 bytes, inside the PROXY protocol header", e.getMessage());
    }

    // ---- helpers ----

    /** Parses {@code data} whole and fed to the reader one byte per read; both must agree. */
    private static ProxyHeader wholeAndByteByByte(byte[] data) throws Exception {
        ProxyHeader whole = assertParses(data);
        ProxyHeaderReader.Result slow = ProxyHeaderReader.read(ScriptedStream.byteByByte(data));
        assertEquals(whole, slow.header(), "byte by byte");
        return whole;
    }

    private static ProxyHeader assertParses(byte[] data) {
        try {
            ProxyHeader h = ProxyHeaderParser.parse(data, data.length);
            if (h == null) throw new AssertionError("needs more bytes: " + HexFormat.of().formatHex(data));
            return h;
        } catch (BadProxyHeader e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }

    private static void refused(String text, String reason) {
        refused(ascii(text), reason);
    }

    private static void refused(byte[] data, String reason) {
        BadProxyHeader e = assertThrows(BadProxyHeader.class, () -> ProxyHeaderParser.parse(data, data.length),
                () -> "should be refused: " + new String(data, StandardCharsets.ISO_8859_1));
        assertTrue(e.getMessage().contains(reason), () -> "message '" + e.getMessage() + "' should say: " + reason);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no lookup
    }
}
