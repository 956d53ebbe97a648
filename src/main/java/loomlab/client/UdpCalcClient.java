package loomlab.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import loomlab.config.Durations;
import loomlab.net.LookupException;
import loomlab.net.Resolver;
import loomlab.protocol.udpcalc.UdpCalcCodec;

/**
 * The lecture's UDP {@code client_calc.py}: one 12-byte datagram ({@code struct.pack('III', a, b, op)}),
 * one 4-byte reply. UDP loses datagrams without telling anyone, so the client waits at most
 * {@code timeout} per attempt and may send the request again ({@code retries}); the answer is
 * checked against the arithmetic mod 2^32, which also catches a byte-order mismatch.
 */
public final class UdpCalcClient {

    /** The largest value one unsigned 32-bit field carries. */
    public static final long MAX_VALUE = 0xffff_ffffL;

    private UdpCalcClient() { }

    /** How many attempts it took, and the unsigned result. */
    public record Answer(long result, int attempts) { }

    public static Answer calc(String host, int port, long a, long b, long op, ByteOrder order,
                              Duration timeout, int retries) throws ClientException, BadReplyException {
        for (long v : new long[] {a, b, op}) {
            if (v < 0 || v > MAX_VALUE) throw new IllegalArgumentException(v + " does not fit an unsigned 32-bit integer");
        }
        String where = "udp " + TcpExchange.where(host, port);
        InetAddress address;
        try {
            address = Resolver.addresses(host, timeout)[0];
        } catch (LookupException e) {
            throw new ClientException(e.getMessage());
        }
        UdpCalcCodec codec = new UdpCalcCodec(order);
        byte[] request = new byte[UdpCalcCodec.REQUEST_SIZE];
        codec.request(a, b, op, ByteBuffer.wrap(request));
        // One byte more than a reply: a longer datagram shows up as too long instead of truncated.
        byte[] replyBuf = new byte[UdpCalcCodec.REPLY_SIZE + 1];
        int attempts = 1 + retries;
        try (DatagramSocket socket = new DatagramSocket()) {
            // connect() filters datagrams from anyone else and lets the kernel report "port unreachable".
            socket.connect(new InetSocketAddress(address, port));
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            for (int attempt = 1; attempt <= attempts; attempt++) {
                socket.send(new DatagramPacket(request, request.length));
                DatagramPacket reply = new DatagramPacket(replyBuf, replyBuf.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException lost) {
                    continue;
                }
                if (reply.getLength() != UdpCalcCodec.REPLY_SIZE) {
                    throw new BadReplyException("the reply from " + where + " has " + (reply.getLength() > UdpCalcCodec.REPLY_SIZE
                            ? "more than " + UdpCalcCodec.REPLY_SIZE : reply.getLength()) + " bytes, expected "
                            + UdpCalcCodec.REPLY_SIZE);
                }
                long result = codec.reply(ByteBuffer.wrap(replyBuf, 0, UdpCalcCodec.REPLY_SIZE));
                long expected = Integer.toUnsignedLong(UdpCalcCodec.compute((int) a, (int) b, (int) op));
                if (result != expected) {
                    throw new BadReplyException("wrong result from " + where + ": " + result + ", expected " + expected
                            + "; is the server using the other byte order? (this client sent "
                            + (order == ByteOrder.LITTLE_ENDIAN ? "little" : "big") + "-endian; see --order)");
                }
                return new Answer(result, attempt);
            }
        } catch (PortUnreachableException e) {
            throw new ClientException("nothing is listening on " + where + " (the host answered 'port unreachable')");
        } catch (IOException e) {
            throw new ClientException("talking to " + where + " failed: " + e.getMessage());
        }
        throw new ClientException("no reply from " + where + " within " + Durations.format(timeout)
                + (attempts == 1 ? "" : " per attempt, " + attempts + " attempts")
                + ": the datagram or its reply was lost, or nothing is listening there (UDP does not say);"
                + " try --retries N or a longer --timeout");
    }
}
