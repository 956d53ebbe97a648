package loomlab.load.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Step;

/** The demo's raw data as JSON: results.json, and the data the HTML report's charts are drawn from. */
public final class DemoJsonReport {

    private DemoJsonReport() { }

    public static String render(DemoResult r) {
        return JsonReports.render(g -> write(g, r));
    }

    private static void write(JsonGenerator g, DemoResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", "loomlab scalability demo");
        g.writeStringField("workload", r.workload());
        g.writeNumberField("seconds", Math.round(r.seconds() * 10) / 10.0);
        strings(g, "machine", r.machine());
        strings(g, "settings", r.settings());
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) g.writeString(n);
        g.writeEndArray();
        g.writeArrayFieldStart("modes");
        for (String mode : r.steps().stream().map(DemoJsonReport::mode).distinct().toList()) g.writeString(mode);
        g.writeEndArray();
        g.writeArrayFieldStart("steps");
        for (Step s : r.steps()) step(g, s);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void step(JsonGenerator g, Step s) throws IOException {
        g.writeStartObject();
        g.writeStringField("mode", mode(s));
        g.writeNumberField("clients", s.clients());
        if (s.ran()) g.writeNullField("skipped"); else g.writeStringField("skipped", s.skipped());
        JsonReports.number(g, "requestsPerSecond", s.ran(), s.requestsPerSecond());
        nullable(g, "p50Ms", s.p50Ms());
        nullable(g, "p99Ms", s.p99Ms());
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("clientsConnected", s.clientsConnected());
        g.writeNumberField("clientsServed", s.clientsServed());
        JsonReports.number(g, "servedPercent", s.ran(), s.servedPercent());
        nullable(g, "threads", s.threads() == null ? null : s.threads().doubleValue());
        nullable(g, "threadsPeak", s.threadsPeak() == null ? null : s.threadsPeak().doubleValue());
        nullable(g, "serverConnections", s.serverConnections() == null ? null : s.serverConnections().doubleValue());
        nullable(g, "heapPerClientBytes", s.heapPerClient() == null ? null : (double) Math.round(s.heapPerClient()));
        nullable(g, "rssPerClientBytes", s.rssPerClient() == null ? null : (double) Math.round(s.rssPerClient()));
        g.writeEndObject();
    }

    static String mode(Step s) {
        return s.mode().name().toLowerCase(Locale.ROOT);
    }

    private static void nullable(JsonGenerator g, String field, Double value) throws IOException {
        JsonReports.number(g, field, value != null, value == null ? 0 : value);
    }

    private static void strings(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }
}
