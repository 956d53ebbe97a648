package loomlab.load.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import loomlab.load.ErrorKind;
import loomlab.load.LatencySummary;

/** Shared pieces of the JSON reports (load and demo), written with Jackson's streaming generator. */
final class JsonReports {

    private JsonReports() { }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Pretty-printed JSON with a final newline. */
    static String render(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** "latencyMs": {count, p50, p90, p99, p99_9, max, mean}; null values when nothing was measured. */
    static void latency(JsonGenerator g, String field, LatencySummary l) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("count", l.count());
        number(g, "p50", l.measured(), l.p50());
        number(g, "p90", l.measured(), l.p90());
        number(g, "p99", l.measured(), l.p99());
        number(g, "p99_9", l.measured(), l.p999());
        number(g, "max", l.measured(), l.max());
        number(g, "mean", l.measured(), l.mean());
        g.writeEndObject();
    }

    /** "field": ["127.0.0.2", ...] */
    static void addresses(JsonGenerator g, String field, List<InetAddress> addresses) throws IOException {
        g.writeArrayFieldStart(field);
        for (InetAddress a : addresses) g.writeString(a.getHostAddress());
        g.writeEndArray();
    }

    /** "field": {"read-timeout": "the first message of that kind", ...}, in the kinds' order. */
    static void examples(JsonGenerator g, String field, Map<ErrorKind, String> examples) throws IOException {
        g.writeObjectFieldStart(field);
        for (ErrorKind kind : ErrorKind.values()) {
            String example = examples.get(kind);
            if (example != null) g.writeStringField(kind.label(), example);
        }
        g.writeEndObject();
    }

    static void number(JsonGenerator g, String field, boolean present, double value) throws IOException {
        if (present && Double.isFinite(value)) {
            g.writeNumberField(field, Math.round(value * 1000) / 1000.0);
        } else {
            g.writeNullField(field);
        }
    }
}
