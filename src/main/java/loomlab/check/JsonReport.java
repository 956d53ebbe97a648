package loomlab.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The report as JSON ({@code --json FILE}), for scripts: the verdict and exit code, the findings,
 * and per check its id, status, texts, and the bytes sent and received as hex and escaped text
 * (never raw: a server's bytes are hostile) with their lengths.
 */
public final class JsonReport {

    private JsonReport() { }

    public static String render(CheckReport report, Messages m) {
        StringWriter out = new StringWriter();
        boolean udp = report.protocol().equals("udp-calc");
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("protocol", report.protocol());
            g.writeStringField("host", report.target().host());
            g.writeNumberField("port", report.target().port());
            g.writeStringField("lang", report.lang().tag());
            g.writeBooleanField("strict", report.strict());
            g.writeNumberField("timeoutMs", report.target().timeout().toMillis());
            g.writeBooleanField("reachable", report.reachable());
            g.writeBooleanField("passed", report.exitCode() == CheckReport.OK);
            g.writeNumberField("exitCode", report.exitCode());
            g.writeNumberField("elapsedMs", report.elapsed().toMillis());
            g.writeArrayFieldStart("findings");
            for (String f : report.findings()) g.writeString(f);
            g.writeEndArray();
            g.writeArrayFieldStart("checks");
            for (CheckResult r : report.results()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("title", r.title());
                g.writeStringField("status", r.status().name().toLowerCase());
                g.writeBooleanField("required", r.required());
                g.writeNumberField("elapsedMs", r.elapsed().toMillis());
                g.writeObjectFieldStart("sent");
                bytes(g, r.sent(), r.sentTotal());
                g.writeEndObject();
                if (r.received() != null) {
                    Received got = r.received();
                    g.writeObjectFieldStart("received");
                    bytes(g, got.bytes(), got.length());
                    g.writeStringField("end", got.end().name().toLowerCase());
                    g.writeNumberField("afterMs", got.after().toMillis());
                    g.writeStringField("ending", Texts.ending(m, got, report.target(), udp));
                    g.writeEndObject();
                } else {
                    g.writeNullField("received");
                }
                g.writeStringField("expected", r.expected());
                g.writeStringField("outcome", r.outcome());
                g.writeStringField("hint", r.hint());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void bytes(JsonGenerator g, byte[] bytes, long total) throws IOException {
        g.writeNumberField("length", total);
        g.writeStringField("hex", ShownBytes.hex(bytes, total));
        g.writeStringField("text", ShownBytes.text(bytes, total));
    }
}
