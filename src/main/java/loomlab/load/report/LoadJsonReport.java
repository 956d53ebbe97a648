package loomlab.load.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import loomlab.load.ErrorKind;
import loomlab.load.LoadResult;
import loomlab.load.LoadSettings;
import loomlab.load.WorkerReport;

/** {@code load --json FILE}: the final report as JSON, field by field as in docs/load.md. */
public final class LoadJsonReport {

    private LoadJsonReport() { }

    public static String render(LoadResult r) {
        return JsonReports.render(g -> write(g, r, null));
    }

    /** With the "merge" section that {@code load merge} reads (see {@link MergeJson}). */
    public static String render(WorkerReport report) {
        return JsonReports.render(g -> write(g, report.result(), report));
    }

    private static void write(JsonGenerator g, LoadResult r, WorkerReport merge) throws IOException {
        LoadSettings s = r.settings();
        g.writeStartObject();
        g.writeStringField("workload", s.workload().label());
        g.writeStringField("target", LoadTextReport.target(s));
        g.writeObjectFieldStart("settings");
        g.writeNumberField("clients", s.clients());
        g.writeNumberField("durationSeconds", s.duration().toMillis() / 1000.0);
        g.writeNumberField("warmupSeconds", s.warmup().toMillis() / 1000.0);
        g.writeNumberField("rampUpSeconds", s.rampUp().toMillis() / 1000.0);
        g.writeNumberField("messageSize", s.messageSize());
        JsonReports.number(g, "ratePerClient", s.ratePerClient() > 0, s.ratePerClient());
        JsonReports.number(g, "thinkMillis", !s.think().isZero(), s.think().toMillis());
        g.writeStringField("order", s.order().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("connectTimeoutMillis", s.connectTimeout().toMillis());
        g.writeNumberField("readTimeoutMillis", s.readTimeout().toMillis());
        JsonReports.addresses(g, "sources", s.sources());
        g.writeEndObject();
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) g.writeString(n);
        g.writeEndArray();
        g.writeNumberField("windowSeconds", Math.round(r.windowSeconds() * 1000) / 1000.0);
        g.writeNumberField("requests", r.requests());
        g.writeNumberField("requestsPerSecond", Math.round(r.requestsPerSecond() * 10) / 10.0);
        JsonReports.latency(g, "latencyMs", r.latency());
        g.writeObjectFieldStart("clients");
        g.writeNumberField("connected", r.clientsConnected());
        g.writeNumberField("served", r.clientsServed());
        g.writeNumberField("minAnswers", r.perClient()[0]);
        g.writeNumberField("medianAnswers", r.perClient()[1]);
        g.writeNumberField("maxAnswers", r.perClient()[2]);
        g.writeEndObject();
        g.writeNumberField("connects", r.connects());
        g.writeNumberField("connectFailures", r.connectFailures());
        g.writeNumberField("requestErrors", r.requestErrors());
        g.writeObjectFieldStart("errorsByKind");
        for (Map.Entry<ErrorKind, Long> e : r.errors().entrySet()) {
            if (e.getValue() > 0) g.writeNumberField(e.getKey().label(), e.getValue());
        }
        g.writeEndObject();
        JsonReports.examples(g, "errorExamples", r.examples());
        g.writeNumberField("mismatches", r.mismatches());
        g.writeNumberField("lateReplies", r.late());
        g.writeNumberField("cutAtStop", r.cutAtStop());
        g.writeStringField("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        g.writeStringField("verdict", r.verdict());
        if (merge != null) MergeJson.write(g, r, merge.totalClients(), merge.workers());
        g.writeEndObject();
    }
}
