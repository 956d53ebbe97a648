package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import loomlab.Wire;
import loomlab.protocol.proxy.ProxyHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real balancer: Debian's HAProxy in TCP mode with {@code send-proxy-v2}, running the checked-in
 * deploy/haproxy/haproxy.cfg, in front of two loomlab processes on loopback. Students are told
 * apart by their source address (all of 127.0.0.0/8 is loopback); HAProxy itself connects to the
 * replicas from 127.0.0.1, the only trusted proxy.
 */
class BehindHaproxyIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path CONFIG = Path.of("deploy/haproxy/haproxy.cfg");

    @TempDir Path dir;
    private final List<ServerJar> replicas = new ArrayList<>();
    private Process haproxy;
    private final List<String> haproxyLog = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) haproxy.destroyForcibly().waitFor();
        }
        for (ServerJar r : replicas) r.close();
    }

    @Test
    void studentsKeepTheirOwnAddressThroughHaproxy() throws Exception {
        assumeTrue(Files.isExecutable(HAPROXY), "skipped: HAProxy is not installed (apt-get install haproxy; .ci/run installs it)");
        Path replicaConfig = dir.resolve("replica.json");
        Files.writeString(replicaConfig, """
                { "logLevel": "info", "services": [
                  { "name": "echo", "protocol": "echo", "transport": "tcp", "port": 0,
                    "maxConnectionsPerClient": 2, "proxyProtocol": true, "trustedProxies": ["127.0.0.1"] },
                  { "name": "calc", "protocol": "calc", "transport": "tcp", "port": 0,
                    "proxyProtocol": true, "trustedProxies": ["127.0.0.1"] } ] }
                """);
        for (int i = 0; i < 2; i++) replicas.add(ServerJar.start(replicaConfig, 0, List.of()));
        InetSocketAddress[] front = startHaproxy();
        InetSocketAddress echo = front[0];
        InetSocketAddress calc = front[1];

        // calc and echo work through the balancer, and calc reaches both replicas (round robin),
        // each of which sees the student (127.0.0.4), not HAProxy (127.0.0.1).
        for (int i = 0; i < 4; i++) assertEquals("5\0\0", send(calc, "127.0.0.4", "2\0003\0000\0"), "calc through HAProxy");
        for (ServerJar r : replicas) {
            try {
                r.awaitLines("\\[calc\\] connection from 127\\.0\\.0\\.4:\\d+ \\(through 127\\.0\\.0\\.1:\\d+\\)", 2, Duration.ofSeconds(60));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the replicas said:\n" + replicas.get(0).output() + "\n---\n"
                        + replicas.get(1).output() + "\n--- HAProxy said:\n" + String.join("\n", haproxyLog), e);
            }
        }
        assertEquals("hello", send(echo, "127.0.0.4", "hello"), "echo through HAProxy");

        // The per-client limit applies to the student's own address: 127.0.0.2 may hold two
        // connections (balance source keeps them on one replica); its third is closed, while
        // 127.0.0.3, through the same balancer, is served.
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket s = connect(echo, "127.0.0.2");
                s.getOutputStream().write('a');
                assertEquals('a', s.getInputStream().read(), "connection " + (i + 1) + " of 127.0.0.2");
                held.add(s);
            }
            assertEquals("", send(echo, "127.0.0.2", "over"), "the student's third connection is closed");
            assertEquals(1, replicas.stream().mapToInt(r -> r.linesMatching("\\[echo\\] closing connection from 127\\.0\\.0\\.2:\\d+"
                    + " \\(through 127\\.0\\.0\\.1:\\d+\\): the client already has 2 connections").size()).sum());
            assertEquals("other", send(echo, "127.0.0.3", "other"), "another student is not limited");
        } finally {
            for (Socket s : held) s.close();
        }

        // A PROXY header straight to a replica from an address that is not the balancer is refused.
        ServerJar replica = replicas.get(0);
        InetSocketAddress direct = replica.service("echo");
        try (Socket s = connect(direct, "127.0.0.5")) {
            write(s, ProxyHeaders.v2(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 1234), direct));
            write(s, "spoofed".getBytes(StandardCharsets.US_ASCII));
            assertEquals("", Wire.textUntilClosed(s.getInputStream()), "nothing served");
        }
        replica.awaitLines("\\[echo\\] refusing connection from 127\\.0\\.0\\.5:\\d+: not a trusted proxy", 1, Duration.ofSeconds(60));
        assertTrue(replica.linesMatching("192\\.0\\.2\\.1").isEmpty(), "the spoofed address appears nowhere");
    }

    /** Starts HAProxy on two free loopback ports; a port taken in the meantime means another try. */
    private InetSocketAddress[] startHaproxy() throws Exception {
        for (int attempt = 1; ; attempt++) {
            int echoPort = freePort();
            int calcPort = freePort();
            Map<String, String> env = new HashMap<>();
            env.put("LOOMLAB_BIND", "127.0.0.1");
            env.put("LOOMLAB_ECHO_PORT", String.valueOf(echoPort));
            env.put("LOOMLAB_CALC_PORT", String.valueOf(calcPort));
            for (int i = 0; i < 2; i++) {
                String n = "LOOMLAB_REPLICA" + (i + 1);
                env.put(n, "127.0.0.1");
                env.put(n + "_ECHO", String.valueOf(replicas.get(i).service("echo").getPort()));
                env.put(n + "_CALC", String.valueOf(replicas.get(i).service("calc").getPort()));
            }
            ProcessBuilder pb = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", CONFIG.toString()).redirectErrorStream(true);
            pb.environment().putAll(env);
            haproxyLog.clear();
            Process p = pb.start();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) haproxyLog.add(line);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            InetSocketAddress echo = new InetSocketAddress("127.0.0.1", echoPort);
            InetSocketAddress calc = new InetSocketAddress("127.0.0.1", calcPort);
            await().atMost(Duration.ofSeconds(20)).until(() -> !p.isAlive() || (listening(echo) && listening(calc)));
            if (p.isAlive()) {
                haproxy = p;
                return new InetSocketAddress[] {echo, calc};
            }
            reader.join(Duration.ofSeconds(5));
            String log = String.join("\n", haproxyLog);
            if (attempt >= 3 || !log.contains("cannot bind")) throw new AssertionError("HAProxy did not start:\n" + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(InetSocketAddress a) {
        try (Socket s = new Socket()) {
            s.connect(a, 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Socket connect(InetSocketAddress to, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(to, Wire.PATIENT.connectMillis());
        s.setSoTimeout(Wire.PATIENT.readMillis());
        return s;
    }

    /** One write, a half-close, and all that comes back ("" when the connection is closed unanswered). */
    private static String send(InetSocketAddress to, String from, String text) throws IOException {
        try (Socket s = connect(to, from)) {
            write(s, text.getBytes(StandardCharsets.ISO_8859_1));
            try {
                s.shutdownOutput();
            } catch (SocketException e) {
                return "";
            }
            return Wire.textUntilClosed(s.getInputStream());
        }
    }

    private static void write(Socket s, byte[] bytes) {
        try {
            s.getOutputStream().write(bytes);
        } catch (IOException e) {
            // closed by the other side already: what follows reads nothing
        }
    }
}
