package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.ServerProcess;
import loomlab.admin.AdminClient;
import loomlab.config.Durations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make soak}: the server jar under steady load for a bounded time (SOAK_DURATION, default
 * 3 minutes), its resident memory, threads and open files sampled from /proc as it goes, and a
 * verdict on whether they grow without bound. Skipped in {@code make test} (no
 * {@code soak.duration} property).
 *
 * <p>The load is the product's own {@code loomlab load}, one process per workload: calc (a new
 * connection per request, every result checked), echo (long connections, every byte checked) and
 * UDP calc, each on a fixed schedule; plus a few bad clients from this JVM (malformed requests and
 * resets), so the error paths run for minutes too.
 *
 * <p>The rule. The run is cut in thirds. The first third is warm-up and not judged: the JIT
 * compiles, the code cache and metaspace fill, malloc arenas and pools settle (about 30 s here).
 * The middle third sets the level a healthy server keeps; the last third must stay within it
 * plus a tolerance: open files +32 and threads +16 (a leak of one per request would add
 * thousands), resident memory +5% or +24 MB, whichever is more. The heap is fixed (-Xms = -Xmx,
 * touched at start), so a leak on the heap ends in an OutOfMemoryError, which fails the run as a
 * dead server, and RSS growth means native memory: thread stacks, direct buffers, sockets. At the
 * end, every load process must report every request answered and verified, every connection must
 * be closed, and the server's calc errors must equal the bad requests sent.
 */
class SoakIT {

    private static final long MB = 1024 * 1024;
    private static final Pattern REQUESTS = Pattern.compile("\"requests\" : (\\d+)");

    @TempDir Path dir;

    record Sample(long seconds, ProcStat proc, long active, long requests) { }

    /** One {@code loomlab load} process and where its report goes. */
    record Load(String workload, Process process, Path json, Path output) { }

    @Test
    void steadyLoadDoesNotGrowMemoryThreadsOrFiles() throws Exception {
        String wanted = System.getProperty("soak.duration", "");
        assumeTrue(!wanted.isBlank(), "the soak runs with 'make soak' (SOAK_DURATION=3m by default), not in 'make test'");
        assumeTrue(ProcStat.available(), "the soak watches the server through Linux /proc");
        Duration duration;
        try {
            duration = Durations.parse(wanted, Durations.Kind.RUN);
        } catch (Durations.BadDuration e) {
            throw new AssertionError("SOAK_DURATION: " + e.getMessage(), e);
        }
        assertTrue(duration.toSeconds() >= 60,
                "SOAK_DURATION must be a duration of 60s or more (a third of it is warm-up), like 3m: " + wanted);
        int rate = Integer.getInteger("soak.rate", 200);
        Duration every = Duration.ofSeconds(Math.max(2, duration.toSeconds() / 45));

        Path config = dir.resolve("soak.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "statsInterval": "30s",
                  "admin": { "enabled": true, "port": 0 },
                  "services": [
                    { "name": "echo", "protocol": "echo", "transport": "tcp", "port": 0 },
                    { "name": "calc", "protocol": "calc", "transport": "tcp", "port": 0 },
                    { "name": "calc-udp", "protocol": "calc", "transport": "udp", "port": 0 } ] }
                """);
        List<Sample> samples = new ArrayList<>();
        List<Load> loads = new ArrayList<>();
        try (ServerJar server = ServerJar.start(config, 0, List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-XX:+ExitOnOutOfMemoryError"))) {
            InetSocketAddress admin = server.admin();
            // calc: 4 clients at rate/4 each; echo: 4 long connections, 4 KB messages; udp: 2 clients.
            loads.add(load("calc", server.service("calc"), duration, 4, rate / 4.0));
            loads.add(load("echo", server.service("echo"), duration, 4, Math.max(1, rate / 16.0), "--size", "4096"));
            loads.add(load("udp-calc", server.service("calc-udp"), duration, 2, Math.max(1, rate / 8.0)));
            System.out.printf(Locale.ROOT, "soak: %s with loomlab load at about %d calc requests/s (+ echo, udp, bad clients),"
                    + " a sample every %d s%n", Durations.format(duration), rate, every.toSeconds());
            System.out.println("    time      rss  threads  files  connections   requests");
            long start = System.nanoTime();
            try (BadClients bad = new BadClients(server.service("calc"), Math.max(1, rate / 20.0))) {
                long next = start;
                while (System.nanoTime() - start < duration.toNanos()) {
                    next += every.toNanos();
                    LockSupport.parkNanos(next - System.nanoTime()); // pacing the samples, not waiting for a state
                    assertTrue(server.process().isAlive(), "the server died:\n" + server.output());
                    Sample s = sample(server, admin, start);
                    samples.add(s);
                    System.out.printf(Locale.ROOT, "  %5d s  %4d MB  %7d  %5d  %11d  %9d%n", s.seconds(),
                            s.proc().residentKb() / 1024, s.proc().threads(), s.proc().openFds(), s.active(), s.requests());
                }
                bad.close();
                for (Load load : loads) assertLoadSucceeded(load);
                assertEquals(0, bad.failures.sum(), "every bad client got its connection: " + bad.lastFailure());

                // After the load: no connection left behind, and the counters agree with the clients.
                Map<String, Object> status = await().atMost(Duration.ofSeconds(30))
                        .until(() -> AdminClient.status(admin), st -> active(st) == 0);
                System.out.printf(Locale.ROOT, "soak: %s; %d bad requests sent%n", summary(loads), bad.sent.sum());
                assertEquals(bad.sent.sum(), (long) (Long) AdminClient.service(status, "calc").get("errors"),
                        "each bad request is exactly one calc error");
                assertEquals(0L, AdminClient.service(status, "echo").get("errors"));
                assertEquals(0L, AdminClient.service(status, "calc-udp").get("errors"));
            }
            assertTrue(samples.size() >= 6, "enough samples to judge: " + samples.size());
            List<String> problems = new ArrayList<>();
            bounded(samples, "open files", s -> s.proc().openFds(), 32, 0, problems);
            bounded(samples, "threads", s -> s.proc().threads(), 16, 0, problems);
            bounded(samples, "resident memory (kB)", s -> s.proc().residentKb(), 24 * MB / 1024, 0.05, problems);
            System.out.println(problems.isEmpty() ? "soak: no growth in the last third beyond the middle third's level (rule: see SoakIT)"
                    : "soak: " + problems);
            assertTrue(problems.isEmpty(), String.join("; ", problems));
            assertEquals(0, server.stop());
        } finally {
            for (Load load : loads) load.process().destroyForcibly();
        }
    }

    /** {@code java -jar server.jar load WORKLOAD ...} for the whole run, quiet, with a JSON report. */
    private Load load(String workload, InetSocketAddress target, Duration duration, int clients, double perClient,
                      String... more) throws IOException {
        Path json = dir.resolve(workload + ".json");
        Path output = dir.resolve(workload + ".out");
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-Xmx128m", "-jar", ServerProcess.jar().toString(),
                "load", workload, "--host", target.getHostString(), "--port", Integer.toString(target.getPort()),
                "--clients", Integer.toString(clients), "--rate", String.format(Locale.ROOT, "%.2f", perClient),
                "--duration", duration.toSeconds() + "s", "--warmup", "0s", "--quiet", "--json", json.toString()));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new Load(workload, p, json, output);
    }

    private static void assertLoadSucceeded(Load load) throws Exception {
        if (!load.process().waitFor(2, TimeUnit.MINUTES)) {
            load.process().destroyForcibly();
            throw new AssertionError("loomlab load " + load.workload() + " did not finish:\n" + Files.readString(load.output()));
        }
        assertEquals(0, load.process().exitValue(), "loomlab load " + load.workload()
                + " reports every request answered and verified (exit 0):\n" + Files.readString(load.output()));
    }

    private static String summary(List<Load> loads) throws IOException {
        List<String> parts = new ArrayList<>();
        for (Load load : loads) {
            Matcher m = REQUESTS.matcher(Files.readString(load.json()));
            parts.add((m.find() ? m.group(1) : "?") + " " + load.workload());
        }
        return String.join(", ", parts) + " requests answered and verified by loomlab load";
    }

    private static Sample sample(ServerJar server, InetSocketAddress admin, long start) throws Exception {
        ProcStat proc = ProcStat.of(server.pid());
        Map<String, Object> status = AdminClient.status(admin);
        long requests = 0;
        for (String name : List.of("echo", "calc", "calc-udp")) requests += (Long) AdminClient.service(status, name).get("requests");
        return new Sample((System.nanoTime() - start) / 1_000_000_000L, proc, active(status), requests);
    }

    private static long active(Map<String, Object> status) {
        return (Long) AdminClient.service(status, "echo").get("active") + (Long) AdminClient.service(status, "calc").get("active");
    }

    /** The last third's maximum may exceed the middle third's by {@code slack} or {@code fraction}, whichever is more. */
    static void bounded(List<Sample> samples, String what, ToLongFunction<Sample> value, long slack, double fraction,
                        List<String> problems) {
        int third = samples.size() / 3;
        long level = samples.subList(third, samples.size() - third).stream().mapToLong(value).max().orElseThrow();
        long late = samples.subList(samples.size() - third, samples.size()).stream().mapToLong(value).max().orElseThrow();
        long allowed = level + Math.max(slack, (long) (level * fraction));
        if (late > allowed) {
            problems.add(what + " grew from at most " + level + " in the middle third to " + late + " in the last (allowed " + allowed + ")");
        }
    }
}
