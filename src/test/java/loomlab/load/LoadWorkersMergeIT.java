package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import loomlab.cli.CliRun;
import loomlab.load.report.MergeJson;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load from several workers, merged exactly: one server process and three {@code load} worker
 * processes on loopback that start together at a shared time (the third learns its index from
 * Kubernetes' JOB_COMPLETION_INDEX), then {@code load merge} of their three files.
 */
class LoadWorkersMergeIT {

    /** JVMs start slowly on a busy two-core machine: every worker must be waiting before this passes. */
    private static final Duration START_DELAY = Duration.ofSeconds(20);

    @TempDir Path dir;

    @Test
    void threeWorkersMergedAreTheSumsAndTheirPercentilesThoseOfAllSamples() throws Exception {
        Path config = dir.resolve("echo.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "services": [
                  { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 } ] }
                """);
        try (ServerProcess server = ServerProcess.start("--config", config.toString()).awaitServing("echo")) {
            String startAt = Instant.now().plus(START_DELAY).truncatedTo(ChronoUnit.SECONDS).toString();
            List<Process> workers = new ArrayList<>();
            List<CompletableFuture<String>> outputs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<String> cmd = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", ServerProcess.jar().toString(),
                        "load", "echo", "--port", Integer.toString(server.port("echo")), "--clients", "10", "--workers", "3",
                        "--bind", "127.0.0.2-127.0.0.7", "--start-at", startAt, "--duration", "2s", "--warmup", "500ms", "-q",
                        "--json", dir.resolve("worker-{index}.json").toString()));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                if (i < 2) {
                    cmd.addAll(List.of("--worker-index", Integer.toString(i)));
                    pb.command(cmd);
                } else {
                    pb.environment().put("JOB_COMPLETION_INDEX", "2"); // as a pod of an Indexed Job
                }
                Process p = pb.start();
                workers.add(p);
                outputs.add(CompletableFuture.supplyAsync(() -> readAll(p)));
            }
            for (int i = 0; i < 3; i++) {
                assertTrue(workers.get(i).waitFor(120, TimeUnit.SECONDS), "worker " + i + " finished");
                String text = outputs.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(0, workers.get(i).exitValue(), text);
                assertTrue(text.contains("waiting"), "worker " + i + " waited for the shared start: " + text);
            }

            List<WorkerReport> reports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path f = dir.resolve("worker-" + i + ".json");
                reports.add(MergeJson.read(f.toString(), Files.readString(f)));
            }
            // Clients split 4 + 3 + 3, source addresses split too: no two workers share one.
            assertEquals(List.of(4, 3, 3), reports.stream().map(r -> r.result().settings().clients()).toList());
            Set<InetAddress> seen = new HashSet<>();
            for (WorkerReport r : reports) {
                for (InetAddress a : r.result().settings().sources()) assertTrue(seen.add(a), "source " + a + " used by one worker only");
            }
            assertEquals(6, seen.size());

            Path mergedFile = dir.resolve("merged.json");
            CliRun merge = CliRun.of("load", "merge", dir.resolve("worker-0.json").toString(), dir.resolve("worker-1.json").toString(),
                    dir.resolve("worker-2.json").toString(), "--json", mergedFile.toString());
            assertEquals(0, merge.exit(), merge.toString());
            LoadResult merged = MergeJson.read("merged.json", Files.readString(mergedFile)).result();

            long requests = 0;
            long connects = 0;
            long connected = 0;
            long answered = 0;
            Histogram allSamples = new Histogram(ClientLatencies.HIGHEST_MICROS, 3);
            for (WorkerReport r : reports) {
                requests += r.result().requests();
                connects += r.result().connects();
                connected += r.result().clientsConnected();
                answered += r.result().answeredInRun();
                // One histogram fed with every sample of every worker, value by value.
                for (HistogramIterationValue v : r.result().raw().latencyMicros().recordedValues()) {
                    allSamples.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
                }
            }
            assertTrue(requests > 0);
            assertEquals(requests, merged.requests());
            assertEquals(answered, merged.answeredInRun());
            assertEquals(connects, merged.connects());
            assertEquals(10, connected);
            assertEquals(10, merged.clientsConnected());
            assertEquals(10, merged.settings().clients());
            assertEquals(requests, allSamples.getTotalCount(), "every answer in the window is one sample");
            assertEquals(LatencySummary.of(allSamples), merged.latency(), "percentiles of all samples, not averages");
            assertEquals(allSamples, merged.raw().latencyMicros());
            assertTrue(merge.out().contains("requests     " + Numbers.grouped(requests) + " answered"), merge.out());
            assertTrue(merge.out().contains("merged from 3 reports covering 3 of 3 workers"), merge.out());
            assertEquals(0, server.stop());
        }
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
