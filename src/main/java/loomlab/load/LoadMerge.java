package loomlab.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * {@code load merge}: the reports of several load workers added up into the report one run of
 * all their clients would have given. Counters are summed; latency percentiles come from the sum
 * of the workers' full histograms (never an average of percentiles); answers per client from
 * every client's own count. The workers must have run the same settings, and their measured
 * windows must overlap, or the sum would describe no moment of the server's life.
 */
public final class LoadMerge {

    /** Reports that cannot be added up; the message names the file and the field. */
    public static final class MismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        MismatchException(String message) {
            super(message, null, false, false);
        }
    }

    private LoadMerge() { }

    public static WorkerReport merge(List<WorkerReport> reports) throws MismatchException {
        if (reports.isEmpty()) throw new MismatchException("nothing to merge");
        WorkerReport first = reports.get(0);
        for (WorkerReport r : reports.subList(1, reports.size())) sameSettings(first, r);
        List<WorkerShare> workers = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        for (WorkerReport r : reports) {
            for (WorkerShare w : r.workers()) {
                String before = seen.putIfAbsent(w.index(), r.source());
                if (before != null) {
                    throw new MismatchException("worker " + w.index() + " is in both " + before + " and " + r.source()
                            + ": the same worker counted twice would double its numbers");
                }
                workers.add(w);
            }
        }
        workers.sort((a, b) -> Integer.compare(a.index(), b.index()));
        checkWindowsOverlap(reports);

        LoadSettings s0 = first.result().settings();
        int clients = 0;
        LinkedHashSet<java.net.InetAddress> sources = new LinkedHashSet<>();
        Histogram latency = ClientLatencies.newHistogram();
        List<long[]> answers = new ArrayList<>();
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        Map<ErrorKind, String> examples = new EnumMap<>(ErrorKind.class);
        List<String> notes = new ArrayList<>();
        double windowSum = 0;
        Instant start = null;
        Instant end = null;
        for (WorkerReport wr : reports) {
            LoadResult r = wr.result();
            clients += r.settings().clients();
            sources.addAll(r.settings().sources());
            try {
                latency.add(r.raw().latencyMicros());
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new MismatchException(wr.source() + ": its latency histogram holds values beyond "
                        + ClientLatencies.HIGHEST_MICROS + " µs, more than a load run records");
            }
            answers.add(r.raw().answersPerClient());
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            r.examples().forEach(examples::putIfAbsent);
            String who = wr.workers().size() == 1 ? wr.workers().get(0).describe() : wr.source();
            for (String n : r.notes()) notes.add(n.startsWith(who) || n.startsWith("merged from") ? n : who + ": " + n);
            windowSum += r.windowSeconds();
            start = start == null || r.raw().start().isBefore(start) ? r.raw().start() : start;
            end = end == null || r.raw().end().isAfter(end) ? r.raw().end() : end;
        }
        notes.add(0, "merged from " + reports.size() + " reports covering " + workers.size() + " of "
                + workers.get(0).workers() + " workers; windows starting within "
                + spreadOfStarts(reports).toMillis() + " ms of each other");
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 0; i < workers.get(0).workers(); i++) missing.add(i);
        for (WorkerShare w : workers) missing.remove(w.index());
        if (!missing.isEmpty()) {
            notes.add(1, "workers " + missing + " are missing: this report covers only the other workers' clients");
        }
        long[] all = concatSorted(answers);
        long[] perClient = {all[0], all[all.length / 2], all[all.length - 1]};
        LoadSettings settings = s0.withClients(clients).withSources(List.copyOf(sources));
        LoadResult merged = new LoadResult(settings, List.copyOf(notes), windowSum / reports.size(),
                sum(reports, LoadResult::requests), sum(reports, LoadResult::answeredInRun), LatencySummary.of(latency),
                sum(reports, LoadResult::clientsConnected), sum(reports, LoadResult::clientsServed), perClient,
                sum(reports, LoadResult::connects), errors, examples, sum(reports, LoadResult::mismatches),
                sum(reports, LoadResult::late), sum(reports, LoadResult::cutAtStop),
                new RawWindow(start, end, latency, all));
        return new WorkerReport("merged", merged, first.totalClients(), workers);
    }

    /** Every setting that shapes the load must be the same; the message names the first that is not. */
    private static void sameSettings(WorkerReport a, WorkerReport b) throws MismatchException {
        LoadSettings x = a.result().settings();
        LoadSettings y = b.result().settings();
        same(a, b, "workload", x.workload().label(), y.workload().label());
        same(a, b, "target", x.target(), y.target());
        same(a, b, "clients (all workers together)", a.totalClients(), b.totalClients());
        same(a, b, "workers", a.workers().get(0).workers(), b.workers().get(0).workers());
        same(a, b, "duration", x.duration(), y.duration());
        same(a, b, "warmup", x.warmup(), y.warmup());
        same(a, b, "rampUp", x.rampUp(), y.rampUp());
        same(a, b, "messageSize", x.messageSize(), y.messageSize());
        same(a, b, "ratePerClient", x.ratePerClient(), y.ratePerClient());
        same(a, b, "think", x.think(), y.think());
        same(a, b, "order", x.order(), y.order());
        same(a, b, "connectTimeout", x.connectTimeout(), y.connectTimeout());
        same(a, b, "readTimeout", x.readTimeout(), y.readTimeout());
    }

    private static void same(WorkerReport a, WorkerReport b, String field, Object x, Object y) throws MismatchException {
        if (!Objects.equals(x, y)) {
            throw new MismatchException("the runs differ in '" + field + "': " + show(x) + " in " + a.source() + ", "
                    + show(y) + " in " + b.source() + "; only runs with the same settings add up");
        }
    }

    private static String show(Object o) {
        if (o instanceof Duration d) return (d.toMillis() / 1000.0) + " s";
        if (o instanceof java.net.InetSocketAddress t) return t.getAddress().getHostAddress() + ":" + t.getPort();
        return String.valueOf(o).toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkWindowsOverlap(List<WorkerReport> reports) throws MismatchException {
        WorkerReport lastToStart = reports.get(0);
        WorkerReport firstToEnd = reports.get(0);
        for (WorkerReport r : reports) {
            if (r.result().raw().start().isAfter(lastToStart.result().raw().start())) lastToStart = r;
            if (r.result().raw().end().isBefore(firstToEnd.result().raw().end())) firstToEnd = r;
        }
        if (!lastToStart.result().raw().start().isBefore(firstToEnd.result().raw().end())) {
            throw new MismatchException("the measured windows do not overlap: " + lastToStart.source() + " began measuring at "
                    + lastToStart.result().raw().start() + ", after " + firstToEnd.source() + " had stopped at "
                    + firstToEnd.result().raw().end() + "; start the workers together (load --start-at TIME)");
        }
    }

    private static Instant latestStart(List<WorkerReport> reports) {
        return reports.stream().map(r -> r.result().raw().start()).max(Instant::compareTo).orElseThrow();
    }

    private static Duration spreadOfStarts(List<WorkerReport> reports) {
        Instant earliest = reports.stream().map(r -> r.result().raw().start()).min(Instant::compareTo).orElseThrow();
        return Duration.between(earliest, latestStart(reports));
    }

    private static long sum(List<WorkerReport> reports, Function<LoadResult, Long> field) {
        long total = 0;
        for (WorkerReport r : reports) total += field.apply(r.result());
        return total;
    }

    private static long[] concatSorted(List<long[]> parts) {
        int n = 0;
        for (long[] p : parts) n += p.length;
        long[] all = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }
}
