package loomlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import loomlab.HeldPort;
import loomlab.TestServers;
import loomlab.cli.CliRun;
import loomlab.config.WireOrder;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdpCalcClientTest {

    @ParameterizedTest
    @CsvSource({
        "little, 10, 500, 0, 510",
        "little, 5, 8, 1, 4294967293",
        "little, 4294967295, 1, 0, 0",
        "big, 10, 500, 0, 510",
        "big, 4294967295, 4294967295, 0, 4294967294",
        "big, 0, 1, 7, 4294967295",
    })
    void unsignedArithmeticModulo2To32InBothByteOrders(String order, String a, String b, String op, String result) {
        WireOrder wire = WireOrder.valueOf(order.toUpperCase(Locale.ROOT));
        try (Server server = TestServers.start(TestServers.udpCalc(wire))) {
            CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", EchoClientTest.port(server), a, b, op, "--order", order);
            assertEquals(0, run.exit(), run::toString);
            assertEquals(result + "\nclosing socket\n", run.out());
        }
    }

    @Test
    void aLostDatagramIsATimeoutAfterTheRetries() throws Exception {
        try (DatagramSocket blackHole = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", String.valueOf(blackHole.getLocalPort()), "1", "2", "0",
                    "--timeout", "150ms", "--retries", "1");
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("no reply from udp 127.0.0.1 port " + blackHole.getLocalPort()
                    + " within 150ms per attempt, 2 attempts"), run::toString);
            // Both attempts really went out: two 12-byte requests wait in the socket.
            blackHole.setSoTimeout(5000);
            for (int i = 0; i < 2; i++) {
                DatagramPacket p = new DatagramPacket(new byte[64], 64);
                blackHole.receive(p);
                assertEquals(12, p.getLength());
            }
        }
    }

    @Test
    void aReplyOfTheWrongSizeIsAFailedRequest() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket request = new DatagramPacket(new byte[64], 64);
                    fake.receive(request);
                    fake.send(new DatagramPacket(new byte[3], 3, request.getSocketAddress()));
                } catch (Exception e) {
                    // socket closed by the test
                }
            });
            CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", String.valueOf(fake.getLocalPort()), "1", "2", "0");
            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains("has 3 bytes, expected 4"), run::toString);
        }
    }

    @Test
    void nothingListeningIsASystemError() throws Exception {
        try (HeldPort nothing = HeldPort.udp()) {
            CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", String.valueOf(nothing.port()), "1", "2", "0",
                    "-t", "300ms");
            assertEquals(2, run.exit(), run::toString);
            // Linux answers "port unreachable" on loopback; without that ICMP the client times out.
            assertTrue(run.err().contains("nothing is listening on udp") || run.err().contains("no reply"), run::toString);
        }
    }

    @Test
    void valuesOutsideUnsigned32BitsAreUsageErrors() {
        for (String bad : new String[] {"-1", "4294967296", "1e3"}) {
            CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", "10009", bad, "2", "0");
            assertEquals(1, run.exit(), run::toString);
        }
        CliRun run = CliRun.of("client", "udp-calc", "127.0.0.1", "10009", "4294967296", "2", "0");
        assertTrue(run.err().contains("does not fit an unsigned 32-bit integer"), run::toString);
    }
}
