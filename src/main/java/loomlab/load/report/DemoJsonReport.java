package loomlab.load.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Fairness;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Step;

/**
 * The demo's raw data as JSON: results.json, the data the HTML report's charts are drawn from,
 * and what the live page polls while the demo runs. docs/scalability-demo.md lists the fields.
 */
public final class DemoJsonReport {

    private DemoJsonReport() { }

    public static String render(DemoResult r) {
        return JsonReports.render(g -> write(g, r));
    }

    private static void write(JsonGenerator g, DemoResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", "loomlab scalability demo");
        g.writeStringField("workload", r.workload());
        g.writeBooleanField("finished", r.finished());
        g.writeNumberField("planned", r.planned());
        g.writeNumberField("seconds", Math.round(r.seconds() * 10) / 10.0);
        strings(g, "machine", r.machine());
        strings(g, "settings", r.settings());
        placement(g, r.placement());
        strings(g, "limits", r.limits());
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) g.writeString(n);
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Findings.Finding f : Findings.of(r)) {
            g.writeStartObject();
            g.writeStringField("chart", f.chart());
            g.writeStringField("text", f.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("modes");
        for (String mode : r.steps().stream().map(DemoJsonReport::mode).distinct().toList()) g.writeString(mode);
        g.writeEndArray();
        g.writeArrayFieldStart("steps");
        for (Step s : r.steps()) step(g, s);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void placement(JsonGenerator g, Placement p) throws IOException {
        g.writeObjectFieldStart("placement");
        g.writeBooleanField("pinned", p.pinned());
        ints(g, "serverCores", p.serverCores());
        ints(g, "loadCores", p.loadCores());
        if (p.why() == null) g.writeNullField("why"); else g.writeStringField("why", p.why());
        g.writeEndObject();
    }

    private static void step(JsonGenerator g, Step s) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", s.scenario().key());
        g.writeStringField("mode", mode(s));
        g.writeNumberField("clients", s.clients());
        g.writeNumberField("idle", s.idle());
        g.writeNumberField("connections", s.connections());
        text(g, "skipped", s.skipped());
        text(g, "stopped", s.stopped());
        JsonReports.number(g, "answersPerSecond", s.ran() && s.stopped() == null, s.answersPerSecond());
        nullable(g, "p50Ms", s.p50Ms());
        nullable(g, "p99Ms", s.p99Ms());
        g.writeNumberField("answers", s.answers());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("clientsConnected", s.clientsConnected());
        g.writeNumberField("clientsServed", s.clientsServed());
        JsonReports.number(g, "servedPercent", s.ran(), s.servedPercent());
        fairness(g, s.fairness());
        nullable(g, "allAnsweredSeconds", s.allAnsweredSeconds());
        nullable(g, "serverPid", s.serverPid() == null ? null : s.serverPid().doubleValue());
        nullable(g, "serverCpuMicrosPerAnswer", s.serverCpuMicrosPerAnswer());
        nullable(g, "serverCpuShare", s.serverCpuShare());
        nullable(g, "serverThreads", s.serverThreads() == null ? null : s.serverThreads().doubleValue());
        nullable(g, "serverConnections", s.serverConnections() == null ? null : s.serverConnections().doubleValue());
        memory(g, s.memory());
        g.writeEndObject();
    }

    private static void fairness(JsonGenerator g, Fairness f) throws IOException {
        if (f == null) {
            g.writeNullField("answersPerClient");
            return;
        }
        g.writeObjectFieldStart("answersPerClient");
        g.writeNumberField("min", f.min());
        g.writeNumberField("median", f.median());
        g.writeNumberField("max", f.max());
        g.writeEndObject();
    }

    /** Absolute figures (never negative) and per-connection figures only where above the noise. */
    private static void memory(JsonGenerator g, MemoryCost m) throws IOException {
        if (m == null) {
            g.writeNullField("memory");
            return;
        }
        g.writeObjectFieldStart("memory");
        g.writeNumberField("connections", m.connections());
        g.writeNumberField("rssBeforeBytes", m.rssBefore());
        g.writeNumberField("rssAtLoadBytes", m.rssAtLoad());
        g.writeNumberField("rssNoiseFloorBytes", m.rssNoiseFloor());
        g.writeBooleanField("rssWithinNoise", m.rssWithinNoise());
        rounded(g, "rssPerConnectionBytes", m.rssPerConnection());
        rounded(g, "rssUpperBoundBytes", m.rssUpperBound());
        g.writeNumberField("kernelBeforeBytes", m.kernelBefore());
        g.writeNumberField("kernelAtLoadBytes", m.kernelAtLoad());
        g.writeNumberField("kernelNoiseFloorBytes", m.kernelNoiseFloor());
        g.writeBooleanField("kernelWithinNoise", m.kernelWithinNoise());
        rounded(g, "kernelPerConnectionBytes", m.kernelPerConnection());
        rounded(g, "totalPerConnectionBytes", m.totalPerConnection());
        g.writeEndObject();
    }

    static String mode(Step s) {
        return s.mode().name().toLowerCase(Locale.ROOT);
    }

    private static void rounded(JsonGenerator g, String field, Double value) throws IOException {
        nullable(g, field, value == null ? null : (double) Math.round(value));
    }

    private static void nullable(JsonGenerator g, String field, Double value) throws IOException {
        JsonReports.number(g, field, value != null, value == null ? 0 : value);
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) g.writeNullField(field); else g.writeStringField(field, value);
    }

    private static void ints(JsonGenerator g, String field, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (int v : values) g.writeNumber(v);
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }
}
