package loomlab.load.report;

import loomlab.net.Sockets;
import static loomlab.load.Numbers.grouped;
import static loomlab.load.Numbers.millis;

import java.util.Map;
import loomlab.load.ErrorKind;
import loomlab.load.LatencySummary;
import loomlab.load.LoadResult;
import loomlab.load.LoadSettings;
import loomlab.load.Numbers;
import loomlab.load.SourceAddresses;
import loomlab.load.Workload;

/** The final report of {@code loomlab load}, for people. */
public final class LoadTextReport {

    private LoadTextReport() { }

    public static String render(LoadResult r) {
        LoadSettings s = r.settings();
        StringBuilder b = new StringBuilder();
        b.append("load ").append(s.workload().label()).append(" -> ").append(target(s)).append(": ")
                .append(grouped(s.clients())).append(" clients, ").append(s.pacing());
        if (s.workload() == Workload.ECHO) b.append(", ").append(s.messageSize()).append("-byte messages");
        if (s.workload() == Workload.UDP_CALC) b.append(", ").append(s.order().name().toLowerCase()).append("-endian");
        b.append('\n');
        b.append("  measured ").append(String.format(java.util.Locale.ROOT, "%.1f", r.windowSeconds())).append(" s after ")
                .append(seconds(s.rampUp().toMillis())).append(" ramp-up and ").append(seconds(s.warmup().toMillis()))
                .append(" warm-up; source addresses ").append(SourceAddresses.describe(s.sources())).append('\n');
        for (String note : r.notes()) b.append("  note: ").append(note).append('\n');
        row(b, "clients", grouped(r.clientsConnected()) + (s.workload().tcp() ? " connected" : " with a socket")
                + ", " + grouped(r.clientsServed()) + " answered in the window (answers per client: min "
                + grouped(r.perClient()[0]) + ", median " + grouped(r.perClient()[1]) + ", max " + grouped(r.perClient()[2]) + ")");
        row(b, "requests", grouped(r.requests()) + " answered = " + grouped(Math.round(r.requestsPerSecond())) + " req/s");
        row(b, "latency", latency(r.latency()));
        if (s.workload().tcp()) {
            row(b, "connects", grouped(r.connects()) + " ok, " + grouped(r.connectFailures()) + " failed");
        }
        row(b, "errors", grouped(r.requestErrors() + r.connectFailures()));
        for (Map.Entry<ErrorKind, Long> e : r.errors().entrySet()) {
            if (e.getValue() == 0) continue;
            String example = r.examples().get(e.getKey());
            b.append(String.format(java.util.Locale.ROOT, "  %-17s %s  %s%s%n", e.getKey().label(), grouped(e.getValue()),
                    e.getKey().meaning(), example == null ? "" : " (first: " + example + ")"));
        }
        row(b, "mismatches", grouped(r.mismatches()) + (s.workload() == Workload.ECHO
                ? " (every byte of every echo compared)" : " (every result compared)"));
        if (r.late() > 0) row(b, "late replies", grouped(r.late()) + " (arrived after their request was counted lost)");
        if (r.cutAtStop() > 0) row(b, "cut at stop", grouped(r.cutAtStop()) + " (still waiting when the run ended; not errors)");
        row(b, "result", r.verdict());
        return b.toString();
    }

    static String latency(LatencySummary l) {
        if (!l.measured()) return "nothing measured";
        return "p50 " + millis(l.p50()) + " ms  p90 " + millis(l.p90()) + " ms  p99 " + millis(l.p99())
                + " ms  p99.9 " + millis(l.p999()) + " ms  max " + millis(l.max()) + " ms  (" + grouped(l.count()) + " samples)";
    }

    static String target(LoadSettings s) {
        return Sockets.describe(s.target());
    }

    private static String seconds(long millis) {
        return Numbers.decimal(millis / 1000.0) + " s";
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(java.util.Locale.ROOT, "%-12s %s%n", name, value));
    }
}
