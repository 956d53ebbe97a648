package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.admin.AdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process under {@code ulimit -n 128}, given twice as many connections as
 * it has descriptors: it serves what fits, the rest wait in the backlog, accept failures are
 * logged once per interval while the accept loop backs off instead of spinning, and when the
 * clients go it serves normally again.
 */
class LowFdLimitIT {

    private static final int OPEN_FILES = 128;
    private static final int CLIENTS = 2 * OPEN_FILES;
    private static final Pattern SUPPRESSED = Pattern.compile("\\((\\d+) similar lines suppressed\\)");

    @TempDir Path dir;

    /** One scenario: a server under the limit, its echo and admin addresses, the clients it will get. */
    @FunctionalInterface
    private interface Scenario {
        void run(ServerJar server, InetSocketAddress echo, InetSocketAddress admin, List<Socket> clients) throws Exception;
    }

    /** Starts the server with {@code extraConfig}, runs the scenario; a failure carries the server's log. */
    private void underTheLimit(String extraConfig, Scenario scenario) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                { "logLevel": "quiet", %s
                  "admin": { "enabled": true, "port": 0 },
                  "services": [ { "name": "echo", "protocol": "echo", "transport": "tcp", "port": 0,
                                  "backlog": 1024, "readTimeout": "2m" } ] }
                """.formatted(extraConfig));
        List<Socket> clients = new ArrayList<>();
        try (ServerJar server = ServerJar.start(config, OPEN_FILES, List.of("-Xmx128m"))) {
            try {
                scenario.run(server, server.service("echo"), server.admin(), clients);
            } catch (Exception | AssertionError e) {
                throw new AssertionError(e + "\n--- the server (" + (server.process().isAlive() ? "running" : "exited with "
                        + server.process().exitValue()) + ") said:\n" + server.output(), e);
            }
        } finally {
            for (Socket s : clients) s.close();
        }
    }

    @Test
    void withTheDefaultReserveClientsBeyondTheBudgetWaitAndTheAdminEndpointStaysUp() throws Exception {
        underTheLimit("", (server, echo, admin, clients) -> {
            assertTrue(server.hasLine("WARN .*open files limit is " + OPEN_FILES + ", below .*at most " + (OPEN_FILES - 64)
                    + " connections at once"), "the start-up warning");

            connect(echo, clients);
            server.awaitLines("WARN .*\\[echo\\] all " + (OPEN_FILES - 64)
                    + " connections the open files limit allows .* are in use: new connections wait in the backlog", 1, Duration.ofSeconds(30));
            // While saturated, the dashboard's endpoint still answers: its descriptors were kept.
            String status = get(admin, "/status");
            assertTrue(status.contains("\"active\":" + (OPEN_FILES - 64) + ","), status);
            assertTrue(status.contains("\"acceptFailures\":0,"), "the budget keeps accept from failing: " + status);
            assertEquals("ok\n", get(admin, "/health"));
            // The accept loop waits on a semaphore (nothing to spin); the clients it took are served.
            for (int i = 0; i < 10; i++) assertEquals('x', clients.get(i).getInputStream().read());

            leaveAndCheckRecovery(server, echo, admin, clients);
        });
    }

    @Test
    void withoutAReserveAcceptFailsAndTheServerBacksOffWithoutSpinning() throws Exception {
        underTheLimit("\"reservedFds\": 0,", (server, echo, admin, clients) -> {
            assertTrue(server.hasLine("WARN .*open files limit is " + OPEN_FILES + ", below .*accept fails with 'Too many open files'"),
                    "the start-up warning");
            // JFR would stop the JVM when it cannot create its next chunk file: it is not started.
            assertTrue(server.hasLine("INFO .*pinned virtual threads are not reported: with reservedFds below 64"), "no JFR");

            connect(echo, clients);
            server.awaitLines("WARN .*\\[echo\\] accept failed: Too many open files", 1, Duration.ofSeconds(30));
            ProcStat before = ProcStat.of(server.pid());
            long wallBefore = System.nanoTime();

            // The next back-off line comes one log interval (5 s) later and says how many attempts it
            // summarises: with a doubling back-off that is 5 to 15. An accept loop that spins would
            // summarise thousands or millions, whatever the machine's load.
            String second = server.awaitLines("accept failed", 2, Duration.ofSeconds(60)).get(1);
            Matcher m = SUPPRESSED.matcher(second);
            assertTrue(m.find(), "the second back-off line counts what it left out: " + second);
            long attempts = Long.parseLong(m.group(1));
            assertTrue(attempts <= 40, "accept attempts in one log interval: " + attempts + " (a spinning loop makes thousands)");
            assertIdle(server, before, wallBefore);
            // The clients the server took are served: the first ones get their byte back.
            assertEquals('x', clients.get(0).getInputStream().read());

            leaveAndCheckRecovery(server, echo, admin, clients);
            assertTrue(get(admin, "/status").matches("(?s).*\"acceptFailures\":[1-9].*"), "accept failures are counted");
        });
    }

    /**
     * Every client gets its TCP connection (the kernel completes it into the backlog) and sends
     * one byte; the server takes what its descriptors allow.
     */
    private static void connect(InetSocketAddress echo, List<Socket> clients) throws IOException {
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = new Socket();
            s.connect(echo, 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write('x');
            clients.add(s);
        }
    }

    /**
     * The saturated server is nearly idle. Only an upper bound, so a busy machine cannot make it
     * fail: a spinning thread takes a whole core (100 ticks a second) on an idle machine and less
     * on a busy one, which is why the count of accept attempts is the primary check.
     */
    private static void assertIdle(ServerJar server, ProcStat before, long wallBefore) throws IOException {
        ProcStat after = ProcStat.of(server.pid());
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        double cpuShare = (after.cpuTicks() - before.cpuTicks()) / (wallSeconds * ProcStat.TICKS_PER_SECOND);
        assertTrue(cpuShare < 0.3, "CPU share of the saturated server over " + wallSeconds + " s: " + cpuShare);
    }

    /** Everyone leaves; the server takes what is left in the backlog, serves again and stops cleanly. */
    private static void leaveAndCheckRecovery(ServerJar server, InetSocketAddress echo, InetSocketAddress admin,
                                              List<Socket> clients) throws Exception {
        for (Socket s : clients) s.close();
        clients.clear();
        byte[] hello = "after the storm".getBytes(StandardCharsets.US_ASCII);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            assertArrayEquals(hello, Exchanges.echo(echo, hello));
            return true;
        });
        String status = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get(admin, "/status"), s -> s.contains("\"active\":0,"));
        long accepted = Long.parseLong(status.replaceAll("(?s).*\"accepted\":(\\d+),.*", "$1"));
        assertTrue(accepted >= CLIENTS + 1, "every waiting client was accepted in the end: " + status);
        assertTrue(server.process().isAlive());
    }

    private static String get(InetSocketAddress admin, String path) throws IOException, InterruptedException {
        return AdminClient.get(admin, path);
    }
}
