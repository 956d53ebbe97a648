package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
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
 * <p>The rule. The run is cut in thirds. The first third is warm-up and not judged: the JIT
 * compiles, the code cache and metaspace fill, malloc arenas and pools settle (about 30 s here).
 * The middle third sets the level a healthy server keeps; the last third must stay within it
 * plus a tolerance: open files +32 and threads +16 (a leak of one per request would add
 * thousands), resident memory +5% or +24 MB, whichever is more. The heap is fixed (-Xms = -Xmx,
 * touched at start), so a leak on the heap ends in an OutOfMemoryError, which fails the run as a
 * dead server, and RSS growth means native memory: thread stacks, direct buffers, sockets. At the
 * end, after the load stops, every connection must be closed and the error counters must equal
 * the bad requests sent.
 */
class SoakIT {

    private static final long MB = 1024 * 1024;

    @TempDir Path dir;

    record Sample(long seconds, ProcStat proc, long active, long requests) { }

    @Test
    void steadyLoadDoesNotGrowMemoryThreadsOrFiles() throws Exception {
        String wanted = System.getProperty("soak.duration", "");
        assumeTrue(!wanted.isBlank(), "the soak runs with 'make soak' (SOAK_DURATION=3m by default), not in 'make test'");
        assumeTrue(ProcStat.available(), "the soak watches the server through Linux /proc");
        Duration duration = Durations.parse(wanted);
        assertTrue(duration != null && duration.toSeconds() >= 60,
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
        try (ServerJar server = ServerJar.start(config, 0, List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-XX:+ExitOnOutOfMemoryError"))) {
            InetSocketAddress admin = server.admin();
            System.out.printf(Locale.ROOT, "soak: %s at about %d calc requests/s (+ echo, udp, bad clients), a sample every %d s%n",
                    Durations.format(duration), rate, every.toSeconds());
            System.out.println("    time      rss  threads  files  connections   requests");
            long start = System.nanoTime();
            try (SoakLoad load = new SoakLoad(server.service("echo"), server.service("calc"), server.service("calc-udp"), rate)) {
                long next = start;
                while (System.nanoTime() - start < duration.toNanos()) {
                    next += every.toNanos();
                    // Pacing the samples (a measurement interval, not a wait for some state).
                    java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                    assertTrue(server.process().isAlive(), "the server died:\n" + server.output());
                    Sample s = sample(server, admin, start);
                    samples.add(s);
                    System.out.printf(Locale.ROOT, "  %5d s  %4d MB  %7d  %5d  %11d  %9d%n", s.seconds(),
                            s.proc().residentKb() / 1024, s.proc().threads(), s.proc().openFds(), s.active(), s.requests());
                }
                load.close();
                System.out.printf(Locale.ROOT, "soak: %d calc, %d echo, %d udp answered and checked; %d bad requests sent; %d client failures%s%n",
                        load.calcOk.sum(), load.echoOk.sum(), load.udpOk.sum(), load.badSent.sum(), load.failures.sum(),
                        load.failures.sum() > 0 ? " (last: " + load.lastFailure() + ")" : "");

                // After the load: no connection left behind, and the counters agree with the clients.
                Map<String, Object> status = await().atMost(Duration.ofSeconds(30))
                        .until(() -> AdminClient.status(admin), st -> active(st) == 0);
                assertEquals(0, load.failures.sum(), "every request was answered correctly: " + load.lastFailure());
                assertEquals(load.badSent.sum(), (long) (Long) AdminClient.service(status, "calc").get("errors"),
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
        }
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
