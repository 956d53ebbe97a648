package loomlab.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Step;

/** The demo's steps as CSV (results.csv), one row per step, for a spreadsheet. */
public final class DemoCsvReport {

    static final String HEADER = "mode,clients,skipped,requests_per_second,p50_ms,p99_ms,requests,errors,"
            + "clients_connected,clients_served,threads,threads_peak,server_connections,"
            + "heap_per_client_bytes,rss_per_client_bytes";

    private DemoCsvReport() { }

    public static String render(DemoResult r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Step s : r.steps()) {
            List<String> f = new ArrayList<>();
            f.add(DemoJsonReport.mode(s));
            f.add(Integer.toString(s.clients()));
            f.add(s.ran() ? "" : quote(s.skipped()));
            f.add(s.ran() ? String.format(Locale.ROOT, "%.1f", s.requestsPerSecond()) : "");
            f.add(num(s.p50Ms()));
            f.add(num(s.p99Ms()));
            f.add(s.ran() ? Long.toString(s.requests()) : "");
            f.add(s.ran() ? Long.toString(s.errors()) : "");
            f.add(s.ran() ? Long.toString(s.clientsConnected()) : "");
            f.add(s.ran() ? Long.toString(s.clientsServed()) : "");
            f.add(s.threads() == null ? "" : s.threads().toString());
            f.add(s.threadsPeak() == null ? "" : s.threadsPeak().toString());
            f.add(s.serverConnections() == null ? "" : s.serverConnections().toString());
            f.add(s.heapPerClient() == null ? "" : Long.toString(Math.round(s.heapPerClient())));
            f.add(s.rssPerClient() == null ? "" : Long.toString(Math.round(s.rssPerClient())));
            b.append(String.join(",", f)).append('\n');
        }
        return b.toString();
    }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    /** RFC 4180: in quotes, quotes doubled. */
    static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
