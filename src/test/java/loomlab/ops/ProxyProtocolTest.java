package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.config.ServiceConfig;
import loomlab.log.LogFormat;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.proxy.ProxyHeaders;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;

/**
 * The PROXY protocol over real sockets, the test playing the balancer: the client's address
 * comes from the header, only trusted balancers may connect, and they must send a valid header.
 */
class ProxyProtocolTest {

    private static final InetSocketAddress STUDENT = new InetSocketAddress(ip("203.0.113.7"), 4242);
    private static final InetSocketAddress BALANCER_FRONT = new InetSocketAddress(ip("198.51.100.1"), 10000);

    @Test
    void echoAndCalcServeTheClientsBytesThatFollowTheHeaderInTheSameSegment() throws Exception {
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "calc-virtual");
             Server server = TestServers.start(proxied(TestServers.echo(Mode.VIRTUAL), "127.0.0.0/8"),
                     proxied(TestServers.calc(Mode.VIRTUAL), "127.0.0.1"))) {
            InetSocketAddress echo = server.listeners().get(0).address();
            InetSocketAddress calc = server.listeners().get(1).address();
            assertEquals("hello\n", exchange(echo, concat(ProxyHeaders.v2(STUDENT, BALANCER_FRONT), "hello\n")));
            assertEquals("5\0\0", exchange(calc, concat(ProxyHeaders.v1(STUDENT, BALANCER_FRONT), "2\0003\0000\0")));
            // The log names the student, not the balancer.
            assertEquals("ERROR", exchange(calc, concat(ProxyHeaders.v2(STUDENT, BALANCER_FRONT), "x\0")).substring(0, 5));
            await().until(() -> !log.matching("WARNING bad request from 203\\.0\\.113\\.7:4242: .*").isEmpty());
        }
    }

    @Test
    void aConnectionFromAnUntrustedAddressIsRefusedHeaderOrNot() throws Exception {
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "echo");
             Server server = TestServers.start(proxied(TestServers.echo(Mode.VIRTUAL), "127.0.0.2", "10.0.0.0/8"))) {
            ServiceStats stats = server.listeners().get(0).stats();
            InetSocketAddress echo = TestServers.address(server);
            // 127.0.0.1 claims to relay a student: the header is never believed, nothing is served.
            for (int i = 0; i < 3; i++) assertEquals("", exchange(echo, concat(ProxyHeaders.v2(STUDENT, BALANCER_FRONT), "spoof\n")));
            await().until(() -> stats.rejected() == 3);
            List<String> lines = log.matching("WARNING refusing connection from 127\\.0\\.0\\.1:\\d+: not a trusted proxy"
                    + " \\(trustedProxies: 127\\.0\\.0\\.2/32, 10\\.0\\.0\\.0/8\\).*");
            assertEquals(1, lines.size(), "one line for the three, rate-limited: " + lines);
            // The trusted balancer is served.
            assertEquals("ok\n", exchange(echo, ip("127.0.0.2"), concat(ProxyHeaders.v2(STUDENT, BALANCER_FRONT), "ok\n")));
        }
    }

    @Test
    void aTrustedProxyWithoutAValidHeaderIsRefused() throws Exception {
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "calc-virtual");
             Server server = TestServers.start(proxied(TestServers.calc(Mode.VIRTUAL), "127.0.0.1"))) {
            ServiceStats stats = server.listeners().get(0).stats();
            InetSocketAddress calc = TestServers.address(server);
            assertEquals("", exchange(calc, "2\0003\0000\0".getBytes(StandardCharsets.US_ASCII)), "no reply to a request without a header");
            await().until(() -> stats.rejected() == 1);
            assertEquals(1, log.matching("WARNING refusing connection from trusted proxy 127\\.0\\.0\\.1:\\d+: not a PROXY"
                    + " protocol header: the connection starts with \"2\\\\x003\\\\x000\\\\x00\"").size());
            assertEquals(0, stats.requests());
        }
    }

    @Test
    void aHeaderThatDoesNotArriveInTimeIsCutOff() throws Exception {
        ServiceConfig echo = proxied(TestServers.echo(Mode.VIRTUAL), "127.0.0.1").toBuilder().readTimeout(Duration.ofMillis(300)).build();
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "echo");
             Server server = TestServers.start(echo);
             Socket s = Wire.connect(TestServers.address(server), Wire.PATIENT)) {
            s.getOutputStream().write("PROXY TCP4 ".getBytes(StandardCharsets.US_ASCII)); // and then nothing
            assertEquals(-1, readOrReset(s), "closed by the server, well before the client's own timeout");
            await().until(() -> !log.matching("WARNING refusing connection from trusted proxy 127\\.0\\.0\\.1:\\d+: no PROXY"
                    + " protocol header within 300 ms").isEmpty());
        }
    }

    @Test
    void thePerClientLimitCountsTheRealClientsNotTheBalancer() throws Exception {
        List<Socket> open = new ArrayList<>();
        ServiceConfig echo = proxied(TestServers.echo(Mode.VIRTUAL), "127.0.0.1").toBuilder().maxConnections(100).maxConnectionsPerClient(2).build();
        try (CapturedLog log = new CapturedLog(LogFormat.SERVICE_PREFIX + "echo");
             Server server = TestServers.start(echo)) {
            ServiceStats stats = server.listeners().get(0).stats();
            InetSocketAddress address = TestServers.address(server);
            for (int port = 1; port <= 2; port++) {
                Socket s = Wire.connect(address, Wire.PATIENT);
                s.getOutputStream().write(concat(ProxyHeaders.v2(new InetSocketAddress(STUDENT.getAddress(), port), BALANCER_FRONT), "x"));
                assertEquals('x', s.getInputStream().read());
                open.add(s);
            }
            // The student's third connection is over the limit, though it comes from the balancer like the others.
            assertEquals("", exchange(address, concat(ProxyHeaders.v2(new InetSocketAddress(STUDENT.getAddress(), 3), BALANCER_FRONT), "x")));
            await().until(() -> stats.rejected() == 1);
            assertEquals(1, log.matching("WARNING closing connection from 203\\.0\\.113\\.7:3 \\(through 127\\.0\\.0\\.1:\\d+\\):"
                    + " the client already has 2 connections \\(maxConnectionsPerClient\\)").size());
            // Another student through the same balancer is served.
            InetSocketAddress other = new InetSocketAddress(ip("203.0.113.8"), 5);
            assertEquals("y", exchange(address, concat(ProxyHeaders.v2(other, BALANCER_FRONT), "y")));
            // When one of the student's connections ends, the student may connect again.
            open.remove(0).close();
            await().until(() -> stats.active() == 1);
            assertEquals("z", exchange(address, concat(ProxyHeaders.v2(STUDENT, BALANCER_FRONT), "z")));
        } finally {
            for (Socket s : open) s.close();
        }
    }

    // ---- helpers ----

    private static ServiceConfig proxied(ServiceConfig service, String... trusted) {
        return service.toBuilder().proxyProtocol(true).trustedProxies(List.of(trusted)).build();
    }

    /** Sends {@code bytes} in one write, half-closes, returns all that came back ("" when refused). */
    private static String exchange(InetSocketAddress to, byte[] bytes) throws IOException {
        return exchange(to, ip("127.0.0.1"), bytes);
    }

    private static String exchange(InetSocketAddress to, InetAddress from, byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(to, Wire.PATIENT.connectMillis());
            s.setSoTimeout(Wire.PATIENT.readMillis());
            try {
                s.getOutputStream().write(bytes);
                s.shutdownOutput();
            } catch (SocketException e) {
                return ""; // already closed by the server
            }
            return Wire.textUntilClosed(s.getInputStream());
        }
    }

    private static int readOrReset(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketException e) {
            return -1;
        }
    }

    private static byte[] concat(byte[] header, String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(data.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
