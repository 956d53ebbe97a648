package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.log.LogFormat;
import loomlab.metrics.ServiceStats;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;

/** maxConnections and maxConnectionsPerClient over real sockets: wait in the backlog, or be closed. */
class ConnectionLimitsTest {

    @Test
    void beyondMaxConnectionsClientsWaitInTheBacklogAndAreServedWhenASlotFrees() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "echo");
             Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL).toBuilder().maxConnections(3).maxConnectionsPerClient(0).build())) {
            ServiceStats stats = server.listeners().get(0).stats();
            InetSocketAddress echo = TestServers.address(server);
            for (int i = 0; i < 5; i++) {
                Socket s = Wire.connect(echo, Wire.PATIENT); // the kernel completes every connection
                s.getOutputStream().write('a' + i);
                clients.add(s);
            }
            for (int i = 0; i < 3; i++) assertEquals('a' + i, clients.get(i).getInputStream().read(), "served: client " + i);
            await().until(() -> !log.matching("WARNING maxConnections \\(3\\) reached: new connections wait in the backlog").isEmpty());
            assertEquals(3, stats.active());
            assertEquals(3, stats.accepted(), "the fourth and fifth wait in the backlog, not in the server");

            clients.get(0).close();
            assertEquals('d', clients.get(3).getInputStream().read(), "a slot freed: the fourth is served");
            clients.get(1).close();
            assertEquals('e', clients.get(4).getInputStream().read());
            assertEquals(5, stats.accepted());
            assertEquals(0, stats.rejected(), "waiting is not rejecting");
        } finally {
            for (Socket s : clients) s.close();
        }
    }

    @Test
    void beyondMaxConnectionsPerClientNewConnectionsAreClosedAtOnceWithOneLogLine() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "echo");
             Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL).toBuilder().maxConnections(100).maxConnectionsPerClient(2).build())) {
            ServiceStats stats = server.listeners().get(0).stats();
            InetSocketAddress echo = TestServers.address(server);
            for (int i = 0; i < 2; i++) {
                Socket s = Wire.connect(echo, Wire.PATIENT);
                s.getOutputStream().write('x');
                assertEquals('x', s.getInputStream().read());
                clients.add(s);
            }
            for (int i = 0; i < 3; i++) {
                try (Socket over = Wire.connect(echo, Wire.PATIENT)) {
                    assertEquals(-1, readOrReset(over), "the third connection from 127.0.0.1 is closed at once");
                }
            }
            assertEquals(3, stats.rejected());
            // Another student (another address; all of 127.0.0.0/8 is loopback) is not affected.
            try (Socket other = new Socket()) {
                other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                other.connect(echo, Wire.PATIENT.connectMillis());
                other.setSoTimeout(Wire.PATIENT.readMillis());
                other.getOutputStream().write('y');
                assertEquals('y', other.getInputStream().read());
            }
            List<String> lines = log.matching("WARNING closing connection from 127\\.0\\.0\\.1:\\d+: the client already has 2"
                    + " connections \\(maxConnectionsPerClient\\)");
            assertEquals(1, lines.size(), "one line for the three, rate-limited: " + lines);
            // When one of the two closes, the client may connect again.
            clients.get(0).close();
            await().until(() -> stats.active() == 1);
            try (Socket again = Wire.connect(echo, Wire.PATIENT)) {
                again.getOutputStream().write('z');
                assertEquals('z', again.getInputStream().read());
            }
        } finally {
            for (Socket s : clients) s.close();
        }
    }

    private static int readOrReset(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
