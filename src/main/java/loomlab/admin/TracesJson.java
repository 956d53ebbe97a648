package loomlab.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import loomlab.net.Sockets;
import loomlab.server.Listener;
import loomlab.server.TraceRecord;
import loomlab.server.TraceRing;
import loomlab.text.Printable;

/**
 * {@code /traces}: the last exchanges of the traced services, newest first, as JSON for the
 * dashboard and for scripts ({@code curl -s 'localhost:9090/traces?client=10.0.3.17' | jq}).
 * The bytes are the client's, so hostile: they appear as hex and as escaped ASCII text
 * ({@link Printable#escape}), never raw.
 */
final class TracesJson {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private TracesJson() { }

    /**
     * What {@code /traces} was asked for: the client's address or its start ("10.0.3.17",
     * "10.0.3."; "" for all), a service's name ("" for all), how many records at most.
     */
    record Query(String client, String service, int limit) {

        static final Query ALL = new Query("", "", DEFAULT_LIMIT);

        /** The query part of the target, or null when it cannot be read (bad escapes, a limit that is no number in range). */
        static Query parse(String query) {
            String client = "";
            String service = "";
            int limit = DEFAULT_LIMIT;
            if (query.isEmpty()) return ALL;
            try {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    switch (name) {
                        case "client" -> client = value.strip();
                        case "service" -> service = value.strip();
                        case "limit" -> {
                            if (!value.matches("[0-9]{1,4}")) return null;
                            limit = Integer.parseInt(value);
                            if (limit < 1 || limit > MAX_LIMIT) return null;
                        }
                        default -> { } // unknown parameters are ignored, as a browser's cache-busters
                    }
                }
            } catch (IllegalArgumentException e) {
                return null; // a bad %-escape
            }
            return new Query(client, service, limit);
        }

        boolean matches(TraceRecord r) {
            if (!service.isEmpty() && !service.equals(r.service())) return false;
            if (client.isEmpty()) return true;
            return r.client().startsWith(client) || endpoint(r).startsWith(client);
        }
    }

    static String render(List<Listener> listeners, Query query) {
        List<TraceRecord> records = new ArrayList<>();
        for (Listener l : listeners) {
            l.traces().ifPresent(ring -> ring.newestFirst().forEach(e -> records.add(e.record())));
        }
        return render(listeners, query, records);
    }

    /** {@code records} newest first per service; those the query picks are shown, newest first over all. */
    static String render(List<Listener> listeners, Query query, List<TraceRecord> records) {
        List<TraceRecord> chosen = new ArrayList<>();
        for (TraceRecord r : records) {
            if (query.matches(r)) chosen.add(r);
        }
        chosen.sort(Comparator.comparingLong(TraceRecord::timeMillis).reversed()); // stable: ties keep the ring's order
        StringWriter out = new StringWriter(8192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("time", System.currentTimeMillis());
            g.writeNumberField("capacity", TraceRing.CAPACITY);
            g.writeNumberField("keptBytes", TraceRing.KEPT_BYTES);
            g.writeArrayFieldStart("services");
            for (Listener l : listeners) {
                g.writeStartObject();
                g.writeStringField("name", l.config().name());
                g.writeBooleanField("trace", l.traces().isPresent());
                if (l.traces().isPresent()) g.writeNumberField("recorded", l.traces().get().written());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("traces");
            for (TraceRecord r : chosen.subList(0, Math.min(chosen.size(), query.limit()))) record(g, r);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void record(JsonGenerator g, TraceRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("time", r.timeMillis());
        g.writeStringField("service", r.service());
        g.writeStringField("client", r.client());
        g.writeNumberField("clientPort", r.clientPort());
        g.writeStringField("ending", r.ending().label());
        g.writeBooleanField("bad", r.ending().bad());
        if (r.reason() != null) g.writeStringField("reason", r.reason());
        g.writeNumberField("durationMillis", Math.round(r.durationNanos() / 1e3) / 1e3);
        bytes(g, "received", r.received(), r.receivedTotal());
        bytes(g, "sent", r.sent(), r.sentTotal());
        g.writeEndObject();
    }

    private static void bytes(JsonGenerator g, String name, byte[] kept, long total) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("bytes", total);
        g.writeStringField("hex", HEX.formatHex(kept));
        g.writeStringField("text", Printable.escape(kept, 0, kept.length));
        g.writeBooleanField("truncated", total > kept.length);
        g.writeEndObject();
    }

    /** "10.0.3.17:50312", "[::1]:50312" */
    static String endpoint(TraceRecord r) {
        return Sockets.hostPort(r.client(), r.clientPort());
    }
}
