package loomlab.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Step;

/** The demo's steps as CSV (results.csv), one row per step, for a spreadsheet. */
public final class DemoCsvReport {

    static final String HEADER = "scenario,mode,clients,idle,skipped,stopped,answers_per_second,p50_ms,p99_ms,answers,errors,"
            + "clients_connected,clients_served,answers_per_client_min,answers_per_client_median,answers_per_client_max,"
            + "all_answered_s,server_pid,server_cpu_us_per_answer,server_cpu_cores,server_threads,server_connections,"
            + "rss_before_bytes,rss_at_load_bytes,rss_per_connection_bytes,kernel_per_connection_bytes";

    private DemoCsvReport() { }

    public static String render(DemoResult r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Step s : r.steps()) {
            List<String> f = new ArrayList<>();
            f.add(s.scenario().key());
            f.add(DemoJsonReport.mode(s));
            f.add(Integer.toString(s.clients()));
            f.add(Integer.toString(s.idle()));
            f.add(s.ran() ? "" : quote(s.skipped()));
            f.add(s.stopped() == null ? "" : quote(s.stopped()));
            f.add(s.ran() ? String.format(Locale.ROOT, "%.1f", s.answersPerSecond()) : "");
            f.add(num(s.p50Ms()));
            f.add(num(s.p99Ms()));
            f.add(s.ran() ? Long.toString(s.answers()) : "");
            f.add(s.ran() ? Long.toString(s.errors()) : "");
            f.add(s.ran() ? Long.toString(s.clientsConnected()) : "");
            f.add(s.ran() ? Long.toString(s.clientsServed()) : "");
            f.add(s.fairness() == null ? "" : Long.toString(s.fairness().min()));
            f.add(s.fairness() == null ? "" : Long.toString(s.fairness().median()));
            f.add(s.fairness() == null ? "" : Long.toString(s.fairness().max()));
            f.add(num(s.allAnsweredSeconds()));
            f.add(s.serverPid() == null ? "" : s.serverPid().toString());
            f.add(num(s.serverCpuMicrosPerAnswer()));
            f.add(num(s.serverCpuShare()));
            f.add(s.serverThreads() == null ? "" : s.serverThreads().toString());
            f.add(s.serverConnections() == null ? "" : s.serverConnections().toString());
            MemoryCost m = s.memory();
            f.add(m == null ? "" : Long.toString(m.rssBefore()));
            f.add(m == null ? "" : Long.toString(m.rssAtLoad()));
            f.add(m == null ? "" : whole(m.rssPerConnection()));
            f.add(m == null ? "" : whole(m.kernelPerConnection()));
            b.append(String.join(",", f)).append('\n');
        }
        return b.toString();
    }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String whole(Double d) {
        return d == null ? "" : Long.toString(Math.round(d));
    }

    /** RFC 4180: in quotes, quotes doubled. */
    static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
