package loomlab.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import loomlab.protocol.udpcalc.UdpCalcCodec;

/**
 * The load generator's UDP calc client (the lecture's is {@code client/UdpCalcClient}), with its own
 * socket and one request in flight: 12 bytes out, 4 bytes back, checked with the server's codec. UDP may lose a datagram: no reply within the read timeout
 * counts as lost and the client goes on, it never hangs. A reply that comes after its request
 * was given up is recognised by its value and counted as late, not as a wrong answer.
 *
 * <p>a is below 2^31 and b at most a, so a + b and a - b fit in 32 unsigned bits: the lecture's
 * Python server would raise in {@code struct.pack} otherwise.
 */
final class UdpCalcLoadClient extends LoadClient {

    /** Values of requests given up as lost, to recognise their late replies. */
    private final long[] givenUp = new long[8];
    private int givenUpNext;

    UdpCalcLoadClient(int index, LoadContext ctx) {
        super(index, ctx);
        Arrays.fill(givenUp, -1);
    }

    @Override
    void loop() throws InterruptedException {
        DatagramChannel channel;
        try {
            channel = open();
        } catch (IOException e) {
            long now = System.nanoTime();
            failed(Failures.ofConnect(e), e, now, now);
            signalReady();
            return;
        }
        ctx.stats.clientUp();
        everConnected = true;
        try (channel) {
            exchange(channel.socket(), startSending());
        } catch (IOException e) {
            // closing failed: nothing left to do
        } finally {
            ctx.stats.clientDown();
        }
    }

    private DatagramChannel open() throws IOException {
        InetSocketAddress target = ctx.settings.target();
        DatagramChannel channel = DatagramChannel.open(target.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            InetAddress source = ctx.source(index);
            if (source != null) channel.bind(new InetSocketAddress(source, 0));
            // Connected: only the server's datagrams arrive, and an ICMP "port unreachable" is reported.
            channel.connect(target);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void exchange(DatagramSocket socket, Pacer pacer) throws InterruptedException {
        UdpCalcCodec codec = new UdpCalcCodec(ctx.settings.order().byteOrder());
        byte[] requestBytes = new byte[UdpCalcCodec.REQUEST_SIZE];
        ByteBuffer request = ByteBuffer.wrap(requestBytes);
        DatagramPacket out = new DatagramPacket(requestBytes, requestBytes.length);
        byte[] replyBytes = new byte[64];
        DatagramPacket in = new DatagramPacket(replyBytes, replyBytes.length);
        long timeoutNanos = ctx.settings.readTimeout().toNanos();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!ctx.stopping() && !socket.isClosed()) {
            long intended = pacer.awaitNext();
            if (ctx.stopping()) break;
            long a = random.nextLong(1L << 31);
            long b = random.nextLong(a + 1);
            int op = random.nextInt(2);
            long expected = Integer.toUnsignedLong(UdpCalcCodec.compute((int) a, (int) b, op));
            codec.request(a, b, op, request);
            long deadline = System.nanoTime() + timeoutNanos;
            try {
                socket.send(out);
                while (true) {
                    socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    in.setLength(replyBytes.length);
                    socket.receive(in);
                    long end = System.nanoTime();
                    long value = in.getLength() == UdpCalcCodec.REPLY_SIZE
                            ? codec.reply(ByteBuffer.wrap(replyBytes, 0, UdpCalcCodec.REPLY_SIZE)) : -1;
                    if (value == expected) {
                        pacer.requestEnded(end);
                        answered(intended, end);
                        break;
                    }
                    if (value >= 0 && wasGivenUp(value)) {
                        ctx.stats.addLate();
                        continue; // the answer to an earlier request: keep waiting for ours
                    }
                    pacer.requestEnded(end);
                    mismatch();
                    break;
                }
            } catch (SocketTimeoutException e) {
                long end = System.nanoTime();
                pacer.requestEnded(end);
                giveUp(expected);
                failed(ErrorKind.LOST, "no reply within " + ctx.settings.readTimeout().toMillis() + " ms", intended, end);
            } catch (IOException e) {
                long end = System.nanoTime();
                pacer.requestEnded(end);
                ErrorKind kind = Failures.ofRequest(e);
                failed(kind, e, intended, end);
                if (kind == ErrorKind.PORT_UNREACHABLE) backOff();
            }
        }
    }

    private void giveUp(long value) {
        givenUp[givenUpNext] = value;
        givenUpNext = (givenUpNext + 1) % givenUp.length;
    }

    private boolean wasGivenUp(long value) {
        for (int i = 0; i < givenUp.length; i++) {
            if (givenUp[i] == value) {
                givenUp[i] = -1;
                return true;
            }
        }
        return false;
    }
}
