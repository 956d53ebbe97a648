package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.metrics.ServiceStats;
import loomlab.Wire;
import loomlab.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoint's own limits over real sockets: a cap on connections (more wait in the
 * backlog), a deadline for the request head, an idle timeout, every connection counted; and the
 * hostile requests of docs/operations.md, refused without reflecting a byte.
 */
class AdminLimitsTest {

    private static final AdminLimits SMALL = new AdminLimits(2, Duration.ofSeconds(1), Duration.ofSeconds(1));

    private Server server;
    private AdminServer admin;
    private final List<Socket> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(TestServers.echo(Mode.VIRTUAL));
        admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), SMALL, server.listeners(), null, "test");
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : clients) s.close();
        admin.close();
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = Wire.connect(admin.address(), Wire.PATIENT);
        clients.add(s);
        return s;
    }

    /** One request on a fresh connection, the whole reply (the server closes: Connection: close). */
    private String exchange(String request) throws IOException {
        try (Socket s = Wire.connect(admin.address(), Wire.PATIENT)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return Wire.textUntilClosed(s.getInputStream());
        }
    }

    private static boolean closedByServer(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (IOException e) {
            return true; // reset: closed as well
        }
    }

    @Test
    void aHeadSentOneByteAtATimeIsCutAtTheRequestDeadline() throws Exception {
        Socket slow = connect();
        OutputStream out = slow.getOutputStream();
        Thread drip = Thread.ofVirtual().start(() -> {
            byte[] head = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
            try {
                for (byte b : head) {
                    out.write(b);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // a slow client's pace, not a wait for a state
                }
            } catch (IOException cut) {
                // what this test is about
            }
        });
        assertTrue(closedByServer(slow), "the server closes it: each byte came in time, the head as a whole did not");
        drip.join();
        assertEquals(1, admin.stats().timeouts());
        await().until(() -> admin.stats().active() == 0);
        String metrics = AdminClient.get(admin.address(), "/metrics");
        assertTrue(metrics.contains("\nloomlab_admin_connections_cut_total 1\n"), metrics);
        assertTrue(metrics.contains("\nloomlab_admin_connections_max 2\n"), metrics);
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        Socket idle = connect();
        assertTrue(closedByServer(idle));
        assertEquals(1, admin.stats().timeouts());
        assertEquals(1, admin.stats().accepted());
    }

    @Test
    void beyondTheCapClientsWaitInTheBacklogAndAreServedWhenASlotFrees() throws Exception {
        connect();
        connect();
        await().until(() -> admin.stats().active() == 2);
        Socket third = connect(); // completed by the kernel, not accepted
        third.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, admin.stats().accepted(), "the third waits in the backlog");
        // The two idle ones are cut after a second; then the third is taken and answered.
        String reply = Wire.textUntilClosed(third.getInputStream());
        assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n") && reply.endsWith("\r\n\r\nok\n"), reply);
        assertEquals(3, admin.stats().accepted());
        assertTrue(admin.stats().active() <= 2);
    }

    @Test
    void keepAliveServesRequestsOneAfterAnotherOnOneConnection() throws Exception {
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(("GET /health HTTP/1.1\r\nHost: x\r\n\r\nHEAD /status HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String replies = Wire.textUntilClosed(in);
        assertEquals(3, replies.split("HTTP/1.1 200 OK\r\n", -1).length - 1, replies);
        assertTrue(replies.endsWith("Connection: close\r\n\r\nok\n"), replies);
        assertEquals(3, admin.stats().requests());
        assertEquals(1, admin.stats().accepted());
    }

    @Test
    void hostileRequestsAreRefusedAndNothingOfThemIsReflected() throws Exception {
        String marker = "<script>x</script>";
        assertTrue(exchange("DELETE /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .matches("(?s)HTTP/1.1 405 Method Not Allowed\r\n.*Allow: GET, HEAD\r\n.*"));
        assertTrue(exchange("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 404 "));
        assertTrue(exchange("GET /%2e%2e/metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 404 "));
        assertTrue(exchange("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 414 "));
        assertTrue(exchange("GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(10_000) + "\r\n").startsWith("HTTP/1.1 431 "));
        for (String garbage : List.of(marker + "\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n", "GET /" + marker + " HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: " + marker + "\r\nX: \u001b]0;title\u0007\r\n\r\n")) {
            String reply = exchange(garbage);
            assertTrue(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply);
            assertFalse(reply.contains("script") || reply.contains("title"), "nothing reflected: " + reply);
        }
        assertTrue(admin.stats().errors() >= 6, "bad requests are counted: " + admin.stats().errors());
        assertEquals("ok\n", AdminClient.get(admin.address(), "/health"), "and the endpoint goes on");
    }

    @Test
    void connectionsAreInMetricsAndStatus() throws Exception {
        String metrics = AdminClient.get(admin.address(), "/metrics");
        assertTrue(metrics.contains("\n# TYPE loomlab_admin_connections_active gauge\nloomlab_admin_connections_active 1\n"), metrics);
        assertTrue(metrics.contains("\nloomlab_admin_connections_accepted_total 1\n"), metrics);
        assertTrue(metrics.contains("\nloomlab_admin_requests_total 0\n"), "this request is counted once answered: " + metrics);
        String status = AdminClient.get(admin.address(), "/status");
        assertTrue(status.contains("\"admin\":{\"active\":1,\"maxConnections\":2,\"accepted\":2,\"cut\":0,\"requests\":1,"), status);
    }

    @Test
    void badSystemPropertiesNameThePropertyAndTheRange() {
        String old = System.getProperty(AdminLimits.MAX_CONNECTIONS_PROPERTY);
        try {
            System.setProperty(AdminLimits.MAX_CONNECTIONS_PROPERTY, "lots\u001b");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminLimits.fromSystemProperties(20_000));
            assertEquals("-Dloomlab.admin.maxConnections=lots\\x1b is not a whole number from 1 to 10000", e.getMessage());
            System.setProperty(AdminLimits.MAX_CONNECTIONS_PROPERTY, "16");
            assertEquals(16, AdminLimits.fromSystemProperties(20_000).maxConnections());
        } finally {
            if (old == null) System.clearProperty(AdminLimits.MAX_CONNECTIONS_PROPERTY); else System.setProperty(AdminLimits.MAX_CONNECTIONS_PROPERTY, old);
        }
        assertEquals(64, AdminLimits.fromSystemProperties(20_000).maxConnections());
        assertEquals(32, AdminLimits.fromSystemProperties(256).maxConnections(), "an eighth of a low limit");
        assertEquals(4, AdminLimits.fromSystemProperties(16).maxConnections());
        assertEquals(66, AdminLimits.fromSystemProperties(20_000).descriptors());
    }

    /** The counters the stats line prints for the endpoint. */
    @Test
    void theStatsLineCountsAdminConnections() throws Exception {
        AdminClient.get(admin.address(), "/health");
        await().until(() -> admin.stats().active() == 0);
        ServiceStats s = admin.stats();
        try (StatsLine line = StatsLine.start(server.listeners(), s, Duration.ZERO)) {
            String text = line.next(System.nanoTime());
            assertTrue(text.contains(" | admin 0 open, 1 conns, 1 req | jvm "), text);
        }
    }
}
