package loomlab.protocol.proxy;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Headers as a balancer writes them, for the tests that play the balancer. */
public final class ProxyHeaders {

    private ProxyHeaders() { }

    /** "PROXY TCP4 src dst sport dport\r\n" */
    public static byte[] v1(InetSocketAddress source, InetSocketAddress destination) {
        String family = source.getAddress() instanceof Inet4Address ? "TCP4" : "TCP6";
        return ("PROXY " + family + " " + source.getAddress().getHostAddress() + " " + destination.getAddress().getHostAddress()
                + " " + source.getPort() + " " + destination.getPort() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The binary header with command PROXY, TCP over the source's family. */
    public static byte[] v2(InetSocketAddress source, InetSocketAddress destination) {
        byte[] src = source.getAddress().getAddress();
        byte[] dst = destination.getAddress().getAddress();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ProxyHeaderParser.V2_SIGNATURE);
        out.write(0x21);
        out.write(src.length == 4 ? 0x11 : 0x21);
        int block = 2 * src.length + 4;
        out.write(block >> 8);
        out.write(block & 0xff);
        out.writeBytes(src);
        out.writeBytes(dst);
        out.write(source.getPort() >> 8);
        out.write(source.getPort() & 0xff);
        out.write(destination.getPort() >> 8);
        out.write(destination.getPort() & 0xff);
        return out.toByteArray();
    }
}
