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
import loomlab.Wire;
import loomlab.admin.AdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process under {@code ulimit -n 128}, given twice as many connections as
 * it has descriptors: it serves what fits, the rest wait in the backlog, accept failures are
 * logged once per interval while the accept loop backs off instead of spinning, and when the
 * clients go it serves normally again. And under {@code ulimit -n 256}, 250 clients that send an
 * admin request head one byte at a time: calc goes on serving, and afterwards {@code /metrics},
 * {@code /status} and the stats line work without a restart.
 */
class LowFdLimitIT {

    private static final int OPEN_FILES = 128;
    private static final int CLIENTS = 2 * OPEN_FILES;
    private static final Pattern SUPPRESSED = Pattern.compile("\\((\\d+) similar lines suppressed\\)");
    private static final Pattern BUDGET = Pattern.compile("at most (\\d+) connections at once across all services");
    private static final Pattern STATS = Pattern.compile("stats: echo (\\d+) open, (\\d+) conns, .*");

    @TempDir Path dir;

    /** One scenario: a server under the limit, its echo and admin addresses, the clients it will get. */
    @FunctionalInterface
    private interface Scenario {
        void run(ServerJar server, InetSocketAddress echo, InetSocketAddress admin, List<Socket> clients) throws Exception;
    }

    /** Starts the server with {@code extraConfig}, runs the scenario; a failure carries the server's log. */
    private void underTheLimit(String extraConfig, boolean admin, Scenario scenario) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "statsInterval": "1s", %s
                  "admin": { "enabled": %s, "port": 0 },
                  "services": [ { "name": "echo", "protocol": "echo", "transport": "tcp", "port": 0,
                                  "backlog": 1024, "readTimeout": "2m" } ] }
                """.formatted(extraConfig, admin));
        List<Socket> clients = new ArrayList<>();
        try (ServerJar server = ServerJar.start(config, OPEN_FILES, List.of("-Xmx128m"))) {
            try {
                scenario.run(server, server.service("echo"), admin ? server.admin() : null, clients);
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
        underTheLimit("", true, (server, echo, admin, clients) -> {
            String warning = server.awaitLines("WARN .*open files limit is " + OPEN_FILES + ", below ", 1, Duration.ofSeconds(30)).get(0);
            Matcher m = BUDGET.matcher(warning);
            assertTrue(m.find(), "the start-up warning names the budget: " + warning);
            long budget = Long.parseLong(m.group(1));
            assertTrue(budget > 0 && budget < OPEN_FILES - 64, "the reserve is more than reservedFds alone: " + warning);

            connect(echo, clients);
            server.awaitLines("WARN .*\\[echo\\] all " + budget
                    + " connections the open files limit allows .* are in use: new connections wait in the backlog", 1, Duration.ofSeconds(30));
            // While saturated, the dashboard's endpoint still answers: its descriptors were kept.
            String status = get(admin, "/status");
            assertTrue(status.contains("\"active\":" + budget + ","), status);
            assertTrue(status.contains("\"acceptFailures\":0,"), "the budget keeps accept from failing: " + status);
            assertEquals("ok\n", get(admin, "/health"));
            // The accept loop waits on a semaphore (nothing to spin); the clients it took are served.
            for (int i = 0; i < 10; i++) assertEquals('x', clients.get(i).getInputStream().read());

            leaveAndCheckRecovery(server, echo, clients);
            String after = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> get(admin, "/status"), s -> s.contains("\"active\":0,"));
            long accepted = Long.parseLong(after.replaceAll("(?s).*?\"accepted\":(\\d+),.*", "$1"));
            assertTrue(accepted >= CLIENTS + 1, "every waiting client was accepted in the end: " + after);
        });
    }

    /** Without the admin endpoint and with reservedFds 0 nothing is kept: the connections may take every descriptor. */
    @Test
    void withoutAReserveAcceptFailsAndTheServerBacksOffWithoutSpinning() throws Exception {
        underTheLimit("\"reservedFds\": 0,", false, (server, echo, admin, clients) -> {
            // Logged once the services serve (the server may still be starting): awaited, not looked up.
            server.awaitLines("WARN .*open files limit is " + OPEN_FILES + ", below .*accept fails with 'Too many open files'",
                    1, Duration.ofSeconds(30));
            // JFR would stop the JVM when it cannot create its next chunk file: it is not started.
            server.awaitLines("INFO .*pinned virtual threads are not reported: with reservedFds below 64", 1, Duration.ofSeconds(30));

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

            leaveAndCheckRecovery(server, echo, clients);
            // The stats line lived through the shortage (the descriptor count was unknown for a while) and counts the failures.
            int lines = server.linesMatching("stats: echo").size();
            String stats = server.awaitLines("stats: echo 0 open, ", lines + 1, Duration.ofSeconds(30)).getLast();
            assertTrue(stats.matches(".*, \\d+ accept failures \\| jvm .*, fds \\d+/" + OPEN_FILES), stats);
            Matcher conns = STATS.matcher(stats);
            assertTrue(conns.find() && Long.parseLong(conns.group(2)) >= CLIENTS + 1, "every waiting client was accepted: " + stats);
            assertTrue(server.linesMatching("Exception in thread").isEmpty(), server.output());
        });
    }

    /**
     * Issue 16: under {@code ulimit -n 256}, 250 clients send {@code GET /metrics} one header byte
     * at a time and never finish, and 20 more connect and send nothing. The admin endpoint takes
     * its cap of them, the others wait in its backlog; it never runs out of descriptors, so calc
     * goes on answering; the slow ones are cut at the request deadline. Once they leave,
     * {@code /metrics}, {@code /status} and the stats line work, without a restart.
     */
    @Test
    void slowAdminClientsUnder256FilesNeitherStopCalcNorBreakTheEndpoint() throws Exception {
        Path config = dir.resolve("admin.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "statsInterval": "1s", "admin": { "enabled": true, "port": 0 },
                  "services": [ { "name": "calc", "protocol": "calc", "transport": "tcp", "port": 0 } ] }
                """);
        int slowClients = 250;
        int idleClients = 20;
        try (ServerJar server = ServerJar.start(config, 256, List.of("-Xmx128m"));
             SlowAdminClients attackers = new SlowAdminClients(server.admin(), slowClients, idleClients)) {
            try {
                InetSocketAddress calc = server.service("calc");
                InetSocketAddress admin = server.admin();
                int cap = Integer.parseInt(server.awaitLines("admin endpoint on .*at most (\\d+) connections", 1, Duration.ofSeconds(30))
                        .get(0).replaceAll(".*at most (\\d+) connections.*", "$1"));
                // The endpoint is full of attackers; calc is served all the while.
                server.awaitLines("stats: .*\\| admin " + cap + " open, ", 1, Duration.ofSeconds(30));
                for (int i = 0; i < 20; i++) assertEquals("5\0\0", Wire.calc(calc, "2\0003\0000\0"));
                // The slow ones are cut at the deadline for a request head (10 s by default).
                server.awaitLines("WARN .*closing admin connection from .*: it did not send a whole request head in time",
                        1, Duration.ofSeconds(40));
                for (int i = 0; i < 5; i++) assertEquals("5\0\0", Wire.calc(calc, "2\0003\0000\0"));
                assertTrue(server.linesMatching("stats: .*\\| admin (\\d+) open").stream()
                        .allMatch(l -> Integer.parseInt(l.replaceAll(".*\\| admin (\\d+) open.*", "$1")) <= cap), "never above the cap");

                attackers.close();
                String metrics = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> get(admin, "/metrics"), m -> m.contains("\nloomlab_admin_connections_cut_total "));
                long cut = Long.parseLong(metrics.replaceAll("(?s).*\nloomlab_admin_connections_cut_total (\\d+)\n.*", "$1"));
                assertTrue(cut >= 1, metrics);
                assertTrue(metrics.matches("(?s).*\nprocess_open_fds \\d+\n.*"), "the descriptor count is back: " + metrics);
                assertTrue(metrics.contains("\nloomlab_admin_connections_max " + cap + "\n"), metrics);
                String status = get(admin, "/status");
                assertTrue(status.matches("(?s).*\"admin\":\\{\"active\":\\d+,\"maxConnections\":" + cap + ",.*"), status);
                int lines = server.linesMatching("stats: ").size();
                String stats = server.awaitLines("stats: calc ", lines + 1, Duration.ofSeconds(30)).getLast();
                assertTrue(stats.matches(".*\\| admin \\d+ open, \\d+ conns, \\d+ req, .*\\d+ cut \\| jvm .*, fds \\d+/256"), stats);
                assertTrue(server.linesMatching("accept failed|Exception|Error").isEmpty(), "no descriptor ran out:\n" + server.output());
            } catch (Exception | AssertionError e) {
                throw new AssertionError(e + "\n--- the server said:\n" + server.output(), e);
            }
        }
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

    /** Everyone leaves; the server takes what is left in the backlog and serves again. */
    private static void leaveAndCheckRecovery(ServerJar server, InetSocketAddress echo, List<Socket> clients) throws Exception {
        for (Socket s : clients) s.close();
        clients.clear();
        byte[] hello = "after the storm".getBytes(StandardCharsets.US_ASCII);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            assertArrayEquals(hello, Wire.echo(echo, hello));
            return true;
        });
        assertTrue(server.process().isAlive());
    }

    private static String get(InetSocketAddress admin, String path) throws IOException, InterruptedException {
        return AdminClient.get(admin, path);
    }
}
