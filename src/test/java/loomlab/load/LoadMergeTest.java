package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import loomlab.load.report.LoadJsonReport;
import loomlab.load.report.MergeJson;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Adding up workers' reports: exact sums and percentiles, and refusals that name the field. */
class LoadMergeTest {

    private static final InetSocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 10000);
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void countersAreSumsAndPercentilesThoseOfEverySampleInOneHistogram() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Histogram all = ClientLatencies.newHistogram();
        List<WorkerReport> reports = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Histogram h = ClientLatencies.newHistogram();
            int samples = 1_000 * (w + 1);
            for (int i = 0; i < samples; i++) {
                // Each worker sees a different distribution: averaging its percentiles would be wrong.
                long micros = 50 + (long) (random.nextExponential() * 200 * (w + 1));
                h.recordValue(micros);
                all.recordValue(micros);
            }
            reports.add(report(w, 3, h, new long[] {samples / 2, samples / 2}, T0.plusMillis(100 * w), Map.of(ErrorKind.READ_TIMEOUT, (long) w)));
        }
        // Through the JSON that 'load --json' writes, as 'load merge' reads it.
        List<WorkerReport> read = new ArrayList<>();
        for (WorkerReport r : reports) read.add(MergeJson.read("w" + r.workers().get(0).index() + ".json", LoadJsonReport.render(r)));
        WorkerReport merged = LoadMerge.merge(read);
        LoadResult m = merged.result();
        assertEquals(6, m.settings().clients());
        assertEquals(6_000, m.requests());
        assertEquals(6_000, m.latency().count());
        assertEquals(LatencySummary.of(all), m.latency());
        assertEquals(all, m.raw().latencyMicros());
        assertEquals(3, m.errors().get(ErrorKind.READ_TIMEOUT), "0 + 1 + 2");
        assertEquals(6, m.clientsConnected());
        assertArrayEquals(new long[] {500, 1_000, 1_500}, m.perClient(), "min, median and max of every client's own count");
        assertEquals(T0, m.raw().start());
        assertEquals(T0.plusMillis(200).plusSeconds(10), m.raw().end());
        assertTrue(m.notes().get(0).startsWith("merged from 3 reports covering 3 of 3 workers; windows starting within 200 ms"));
        // A merged report merges again, and says what it covers.
        WorkerReport again = MergeJson.read("merged.json", LoadJsonReport.render(merged));
        assertEquals(3, again.workers().size());
        assertEquals(m.latency(), again.result().latency());
    }

    @Test
    void differentSettingsAreRefusedNamingTheField() {
        WorkerReport a = report(0, 2, histogram(100), new long[] {1}, T0, Map.of());
        LoadResult r = report(1, 2, histogram(100), new long[] {1}, T0, Map.of()).result();
        LoadResult bigger = withSettings(r, r.settings().withMessageSize(128));
        LoadMerge.MismatchException e = assertThrows(LoadMerge.MismatchException.class,
                () -> LoadMerge.merge(List.of(a, new WorkerReport("b.json", bigger, 4, List.of(share(1, 2))))));
        assertEquals("the runs differ in 'messageSize': 64 in w0.json, 128 in b.json; only runs with the same settings add up", e.getMessage());
        LoadResult longer = withSettings(r, r.settings().withTiming(Duration.ofSeconds(20), r.settings().warmup(), Duration.ZERO));
        e = assertThrows(LoadMerge.MismatchException.class,
                () -> LoadMerge.merge(List.of(a, new WorkerReport("b.json", longer, 4, List.of(share(1, 2))))));
        assertTrue(e.getMessage().startsWith("the runs differ in 'duration': 10.0 s in w0.json, 20.0 s in b.json"), e.getMessage());
    }

    @Test
    void windowsThatDoNotOverlapAreRefused() {
        WorkerReport a = report(0, 2, histogram(100), new long[] {1}, T0, Map.of());
        WorkerReport late = report(1, 2, histogram(100), new long[] {1}, T0.plusSeconds(10), Map.of());
        LoadMerge.MismatchException e = assertThrows(LoadMerge.MismatchException.class, () -> LoadMerge.merge(List.of(a, late)));
        assertEquals("the measured windows do not overlap: w1.json began measuring at 2026-03-02T10:00:10Z, after w0.json had"
                + " stopped at 2026-03-02T10:00:10Z; start the workers together (load --start-at TIME)", e.getMessage());
    }

    @Test
    void theSameWorkerTwiceIsRefusedAndAMissingOneIsSaid() throws Exception {
        WorkerReport a = report(0, 3, histogram(100), new long[] {1}, T0, Map.of());
        WorkerReport copy = new WorkerReport("copy.json", a.result(), 6, a.workers());
        LoadMerge.MismatchException e = assertThrows(LoadMerge.MismatchException.class, () -> LoadMerge.merge(List.of(a, copy)));
        assertEquals("worker 0 is in both w0.json and copy.json: the same worker counted twice would double its numbers", e.getMessage());
        WorkerReport c = report(2, 3, histogram(100), new long[] {1}, T0, Map.of());
        List<String> notes = LoadMerge.merge(List.of(a, c)).result().notes();
        assertEquals("workers [1] are missing: this report covers only the other workers' clients", notes.get(1));
    }

    @Test
    void aReportWithoutTheMergeSectionOrWithABrokenHistogramIsNamed() {
        MergeJson.BadReportException e = assertThrows(MergeJson.BadReportException.class,
                () -> MergeJson.read("old.json", "{\"workload\": \"echo\"}"));
        assertEquals("old.json: has no 'merge' section: not written by 'load --json' of this version", e.getMessage());
        String json = LoadJsonReport.render(report(0, 1, histogram(100), new long[] {1}, T0, Map.of()));
        String broken = json.replaceFirst("\"latencyHistogram\" : \"[^\"]*\"", "\"latencyHistogram\" : \"AAAA\"");
        e = assertThrows(MergeJson.BadReportException.class, () -> MergeJson.read("w.json", broken));
        assertEquals("w.json: 'merge.latencyHistogram' is not a compressed HdrHistogram in Base64", e.getMessage());
        e = assertThrows(MergeJson.BadReportException.class, () -> MergeJson.read("w.json", json.replace("\"counters\"", "\"kounters\"")));
        assertEquals("w.json: 'merge.counters' must be an object", e.getMessage());
        e = assertThrows(MergeJson.BadReportException.class, () -> MergeJson.read("w.json", "{\"merge\": "));
        assertTrue(e.getMessage().startsWith("w.json: not valid JSON (line 1)"), e.getMessage());
    }

    @Test
    void aWorkersShareOfClientsAndSources() throws Exception {
        List<InetAddress> six = SourceAddresses.parse("127.0.0.2-127.0.0.7");
        assertEquals(List.of(4, 3, 3), List.of(share(0, 3, 10).clients(), share(1, 3, 10).clients(), share(2, 3, 10).clients()));
        assertEquals(SourceAddresses.parse("127.0.0.3,127.0.0.6"), share(1, 3, 10).sources(six));
        assertEquals(six.subList(0, 2), share(1, 3, 10).sources(six.subList(0, 2)), "fewer addresses than workers: each uses all");
        assertEquals("--worker-index must be between 0 and 2 for --workers 3 (got 3)",
                assertThrows(IllegalArgumentException.class, () -> share(3, 3, 10)).getMessage());
        assertEquals("--clients 2 cannot be split between 3 workers: at least one client each",
                assertThrows(IllegalArgumentException.class, () -> share(0, 3, 2)).getMessage());
    }

    // ---- helpers ----

    private static WorkerShare share(int index, int workers) {
        return share(index, workers, 2 * workers);
    }

    private static WorkerShare share(int index, int workers, int total) {
        return new WorkerShare("lab-" + index, index, workers, total);
    }

    private static Histogram histogram(long... micros) {
        Histogram h = ClientLatencies.newHistogram();
        for (long m : micros) h.recordValue(m);
        return h;
    }

    /** Worker {@code index} of {@code workers}, with {@code answers.length} clients and a 10 s window from {@code start}. */
    private static WorkerReport report(int index, int workers, Histogram latency, long[] answers, Instant start,
            Map<ErrorKind, Long> errorCounts) {
        LoadSettings settings = LoadSettings.of(Workload.ECHO, TARGET, answers.length, Duration.ofSeconds(10));
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        errors.putAll(errorCounts);
        long[] sorted = answers.clone();
        java.util.Arrays.sort(sorted);
        long requests = latency.getTotalCount();
        LoadResult r = new LoadResult(settings, List.of(), 10.0, requests, requests, LatencySummary.of(latency), answers.length,
                answers.length, new long[] {sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]}, answers.length,
                errors, Map.of(), 0, 0, 0, new RawWindow(start, start.plusSeconds(10), latency, sorted));
        return new WorkerReport("w" + index + ".json", r, 2 * workers, List.of(share(index, workers)));
    }

    private static LoadResult withSettings(LoadResult r, LoadSettings s) {
        return new LoadResult(s, r.notes(), r.windowSeconds(), r.requests(), r.answeredInRun(), r.latency(), r.clientsConnected(),
                r.clientsServed(), r.perClient(), r.connects(), r.errors(), r.examples(), r.mismatches(), r.late(), r.cutAtStop(), r.raw());
    }
}
