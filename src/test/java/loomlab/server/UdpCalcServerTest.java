package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import loomlab.TestServers;
import loomlab.config.WireOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UdpCalcServerTest {

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static long ask(DatagramSocket socket, InetSocketAddress to, ByteOrder order, long a, long b, long op)
            throws Exception {
        ByteBuffer req = ByteBuffer.allocate(12).order(order).putInt((int) a).putInt((int) b).putInt((int) op);
        socket.send(new DatagramPacket(req.array(), 12, to));
        DatagramPacket reply = new DatagramPacket(new byte[64], 64);
        socket.receive(reply);
        assertEquals(4, reply.getLength());
        return Integer.toUnsignedLong(ByteBuffer.wrap(reply.getData(), 0, 4).order(order).getInt());
    }

    @ParameterizedTest
    @EnumSource(WireOrder.class)
    void lectureExampleInBothOrders(WireOrder order) throws Exception {
        server = TestServers.start(TestServers.udpCalc(order));
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5_000);
            InetSocketAddress at = TestServers.address(server);
            assertEquals(510, ask(s, at, order.byteOrder(), 10, 500, 0));
            assertEquals(4294966806L, ask(s, at, order.byteOrder(), 10, 500, 1)); // wraps mod 2^32
            assertEquals(1, ask(s, at, order.byteOrder(), 0xffffffffL, 2, 0));
        }
    }

    @Test
    void wrongSizesAreDroppedAndTheLoopGoesOn() throws Exception {
        server = TestServers.start(TestServers.udpCalc(WireOrder.LITTLE));
        InetSocketAddress at = TestServers.address(server);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5_000);
            for (int size : new int[] {0, 1, 11, 13, 100, 1500}) {
                s.send(new DatagramPacket(new byte[size], size, at));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.listeners().get(0).stats().errors() == 6);
            assertEquals(3, ask(s, at, ByteOrder.LITTLE_ENDIAN, 1, 2, 0));
            // Nothing was sent back for the dropped datagrams: the only reply was the good one.
            s.setSoTimeout(200);
            try {
                s.receive(new DatagramPacket(new byte[64], 64));
                throw new AssertionError("a reply to a dropped datagram");
            } catch (SocketTimeoutException expected) {
                // no stray reply
            }
        }
    }

    @Test
    void receiveLoopRunsOnAPlatformThread() throws Exception {
        server = TestServers.start(TestServers.udpCalc(WireOrder.BIG));
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.connect(TestServers.address(server));
            ch.write(ByteBuffer.allocate(12).putInt(1).putInt(1).putInt(0).flip());
            ByteBuffer reply = ByteBuffer.allocate(4);
            ch.read(reply);
            assertEquals(2, reply.flip().getInt());
        }
        Thread loop = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("udp-big-receive")).findFirst().orElseThrow();
        assertEquals(false, loop.isVirtual());
    }
}
