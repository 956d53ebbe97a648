package loomlab.load.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import loomlab.config.WireOrder;
import loomlab.load.ErrorKind;
import loomlab.load.LatencySummary;
import loomlab.load.LoadResult;
import loomlab.load.LoadSettings;
import loomlab.load.RawWindow;
import loomlab.load.WorkerReport;
import loomlab.load.WorkerShare;
import loomlab.load.Workload;
import org.HdrHistogram.Histogram;

/**
 * The "merge" section of {@code load --json}: everything {@code load merge} needs to add runs up
 * exactly, kept apart from the summary so that the summary may change without breaking merges.
 * The latency histogram is HdrHistogram's compressed encoding in Base64 (as in HdrHistogram's own
 * log format), microseconds; settings are exact (milliseconds), counters complete.
 */
public final class MergeJson {

    /** Bumped when the section changes incompatibly; a reader refuses other formats by name. */
    public static final int FORMAT = 1;
    /** The most a latency value can be: what the recorder tracks (ten minutes, in µs). */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1_000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A report file that {@code load merge} cannot use; the message names the file and what is wrong. */
    public static final class BadReportException extends Exception {
        private static final long serialVersionUID = 1L;

        BadReportException(String message) {
            super(message, null, false, false);
        }
    }

    private MergeJson() { }

    static void write(JsonGenerator g, LoadResult r, int totalClients, List<WorkerShare> workers) throws IOException {
        RawWindow raw = r.raw();
        LoadSettings s = r.settings();
        g.writeObjectFieldStart("merge");
        g.writeNumberField("format", FORMAT);
        g.writeArrayFieldStart("workers");
        for (WorkerShare w : workers) {
            g.writeStartObject();
            g.writeStringField("host", w.host());
            g.writeNumberField("index", w.index());
            g.writeNumberField("workers", w.workers());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("totalClients", totalClients);
        g.writeObjectFieldStart("settings");
        g.writeStringField("workload", s.workload().label());
        g.writeStringField("targetHost", s.target().getAddress().getHostAddress());
        g.writeNumberField("targetPort", s.target().getPort());
        g.writeNumberField("clients", s.clients());
        g.writeNumberField("durationMillis", s.duration().toMillis());
        g.writeNumberField("warmupMillis", s.warmup().toMillis());
        g.writeNumberField("rampUpMillis", s.rampUp().toMillis());
        g.writeNumberField("messageSize", s.messageSize());
        g.writeNumberField("ratePerClient", s.ratePerClient());
        g.writeNumberField("thinkMillis", s.think().toMillis());
        g.writeStringField("order", s.order().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("connectTimeoutMillis", s.connectTimeout().toMillis());
        g.writeNumberField("readTimeoutMillis", s.readTimeout().toMillis());
        JsonReports.addresses(g, "sources", s.sources());
        g.writeEndObject();
        g.writeStringField("windowStart", raw.start().toString());
        g.writeStringField("windowEnd", raw.end().toString());
        g.writeNumberField("windowSeconds", r.windowSeconds());
        g.writeObjectFieldStart("counters");
        g.writeNumberField("requests", r.requests());
        g.writeNumberField("answeredInRun", r.answeredInRun());
        g.writeNumberField("clientsConnected", r.clientsConnected());
        g.writeNumberField("clientsServed", r.clientsServed());
        g.writeNumberField("connects", r.connects());
        g.writeNumberField("mismatches", r.mismatches());
        g.writeNumberField("lateReplies", r.late());
        g.writeNumberField("cutAtStop", r.cutAtStop());
        g.writeEndObject();
        g.writeObjectFieldStart("errors");
        for (Map.Entry<ErrorKind, Long> e : r.errors().entrySet()) g.writeNumberField(e.getKey().label(), e.getValue());
        g.writeEndObject();
        JsonReports.examples(g, "errorExamples", r.examples());
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) g.writeString(n);
        g.writeEndArray();
        g.writeArrayFieldStart("answersPerClient");
        for (long a : raw.answersPerClient()) g.writeNumber(a);
        g.writeEndArray();
        g.writeStringField("latencyHistogram", encode(raw.latencyMicros()));
        g.writeEndObject();
    }

    /** HdrHistogram's compressed encoding, Base64. */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n));
    }

    public static Histogram decode(String base64) throws DataFormatException {
        byte[] bytes = Base64.getDecoder().decode(base64);
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), HIGHEST_MICROS);
    }

    /** Reads back a report written by {@code load --json} (or {@code load merge --json}). */
    public static WorkerReport read(String source, String json) throws BadReportException {
        Object tree;
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            tree = value(p);
        } catch (JsonParseException e) {
            throw new BadReportException(source + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadReportException(source + ": cannot read: " + e.getMessage());
        }
        Fields top = new Fields(source, "", tree);
        if (!top.has("merge")) {
            throw new BadReportException(source + ": has no 'merge' section: not written by 'load --json' of this version");
        }
        Fields m = top.object("merge");
        if (m.number("format") != FORMAT) {
            throw new BadReportException(source + ": merge format " + (long) m.number("format") + ", this loomlab reads format "
                    + FORMAT);
        }
        try {
            return report(source, m);
        } catch (IllegalArgumentException e) {
            throw new BadReportException(source + ": " + e.getMessage());
        }
    }

    private static WorkerReport report(String source, Fields m) throws BadReportException {
        List<WorkerShare> workers = new ArrayList<>();
        int total = (int) m.number("totalClients");
        for (Fields w : m.objects("workers")) {
            workers.add(new WorkerShare(w.text("host"), (int) w.number("index"), (int) w.number("workers"), total));
        }
        if (workers.isEmpty()) throw new BadReportException(source + ": 'merge.workers' is empty");
        Fields s = m.object("settings");
        Workload workload;
        try {
            workload = Workload.parse(s.text("workload"));
        } catch (RuntimeException e) {
            throw new BadReportException(source + ": 'merge.settings.workload' is not echo, calc or udp-calc");
        }
        List<InetAddress> sources = new ArrayList<>();
        for (String a : s.texts("sources")) sources.add(literal(source, a));
        LoadSettings settings = new LoadSettings(workload,
                new InetSocketAddress(literal(source, s.text("targetHost")), (int) s.number("targetPort")),
                (int) s.number("clients"), millis(s, "durationMillis"), millis(s, "warmupMillis"), millis(s, "rampUpMillis"),
                (int) s.number("messageSize"), s.number("ratePerClient"), millis(s, "thinkMillis"), sources,
                order(source, s.text("order")), millis(s, "connectTimeoutMillis"), millis(s, "readTimeoutMillis"));
        Fields c = m.object("counters");
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        Map<ErrorKind, String> examples = new EnumMap<>(ErrorKind.class);
        Fields e = m.object("errors");
        Fields x = m.object("errorExamples");
        for (ErrorKind kind : ErrorKind.values()) {
            if (e.has(kind.label())) errors.put(kind, (long) e.number(kind.label()));
            if (x.has(kind.label())) examples.put(kind, x.text(kind.label()));
        }
        long[] answers = m.numbers("answersPerClient");
        Arrays.sort(answers);
        if (answers.length != settings.clients()) {
            throw new BadReportException(source + ": 'merge.answersPerClient' has " + answers.length + " entries for "
                    + settings.clients() + " clients");
        }
        Histogram latency;
        try {
            latency = decode(m.text("latencyHistogram"));
        } catch (DataFormatException | RuntimeException ex) {
            throw new BadReportException(source + ": 'merge.latencyHistogram' is not a compressed HdrHistogram in Base64");
        }
        RawWindow raw = new RawWindow(instant(source, m, "windowStart"), instant(source, m, "windowEnd"), latency, answers);
        long[] perClient = {answers[0], answers[answers.length / 2], answers[answers.length - 1]};
        LoadResult result = new LoadResult(settings, m.texts("notes"), m.number("windowSeconds"), (long) c.number("requests"),
                (long) c.number("answeredInRun"), LatencySummary.of(latency), (long) c.number("clientsConnected"),
                (long) c.number("clientsServed"), perClient, (long) c.number("connects"), errors, examples,
                (long) c.number("mismatches"), (long) c.number("lateReplies"), (long) c.number("cutAtStop"), raw);
        return new WorkerReport(source, result, total, workers);
    }

    private static Duration millis(Fields f, String name) throws BadReportException {
        return Duration.ofMillis((long) f.number(name));
    }

    private static InetAddress literal(String source, String text) throws BadReportException {
        try {
            return InetAddress.getByAddress(loomlab.net.IpAddress.parse(text).packed()); // no name lookup
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new BadReportException(source + ": '" + text + "' is not an IP address");
        }
    }

    private static WireOrder order(String source, String text) throws BadReportException {
        for (WireOrder o : WireOrder.values()) {
            if (o.name().equalsIgnoreCase(text)) return o;
        }
        throw new BadReportException(source + ": 'merge.settings.order' must be little or big");
    }

    private static Instant instant(String source, Fields f, String name) throws BadReportException {
        try {
            return Instant.parse(f.text(name));
        } catch (DateTimeParseException e) {
            throw new BadReportException(source + ": 'merge." + name + "' is not an ISO-8601 instant");
        }
    }

    // ---- a JSON document as maps, lists, strings, numbers and booleans ----

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) throw new JsonParseException(p, "empty document");
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            default -> {
                return null;
            }
        }
    }

    /** Typed access to one object of the tree; errors name the field's path. */
    private record Fields(String source, String path, Object node) {

        boolean has(String name) {
            return node instanceof Map<?, ?> m && m.get(name) != null;
        }

        private Object get(String name, Class<?> type, String what) throws BadReportException {
            Object v = node instanceof Map<?, ?> m ? m.get(name) : null;
            if (!type.isInstance(v)) throw new BadReportException(source + ": '" + path + name + "' must be " + what);
            return v;
        }

        Fields object(String name) throws BadReportException {
            return new Fields(source, path + name + ".", get(name, Map.class, "an object"));
        }

        String text(String name) throws BadReportException {
            return (String) get(name, String.class, "a string");
        }

        double number(String name) throws BadReportException {
            return (Double) get(name, Double.class, "a number");
        }

        List<Fields> objects(String name) throws BadReportException {
            List<Fields> out = new ArrayList<>();
            int i = 0;
            for (Object o : (List<?>) get(name, List.class, "a list")) out.add(new Fields(source, path + name + "[" + i++ + "].", o));
            return out;
        }

        List<String> texts(String name) throws BadReportException {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) get(name, List.class, "a list of strings")) {
                if (!(o instanceof String str)) throw new BadReportException(source + ": '" + path + name + "' must be a list of strings");
                out.add(str);
            }
            return out;
        }

        long[] numbers(String name) throws BadReportException {
            List<?> l = (List<?>) get(name, List.class, "a list of numbers");
            long[] out = new long[l.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(l.get(i) instanceof Double d)) throw new BadReportException(source + ": '" + path + name + "' must be a list of numbers");
                out[i] = (long) (double) d;
            }
            return out;
        }
    }
}
