package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema declared in {@link ConfigSchema} is the whole config: every component of every
 * record has its field, and docs/configuration.md documents every field (with its default where
 * the doc gives one) and no other.
 */
class ConfigSchemaTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]*) \\|(.*)\\|$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static final Map<ConfigSchema.Shape<?, ?>, Class<? extends Record>> RECORDS = Map.of(
            ConfigSchema.SERVER, ServerConfig.class, ConfigSchema.ADMIN, AdminConfig.class,
            ConfigSchema.PINNING, PinningConfig.class, ConfigSchema.SERVICE, ServiceConfig.class);

    @Test
    void everyComponentOfEveryRecordIsAFieldAndNoMore() {
        for (Map.Entry<ConfigSchema.Shape<?, ?>, Class<? extends Record>> e : RECORDS.entrySet()) {
            List<String> components = Arrays.stream(e.getValue().getRecordComponents()).map(c -> c.getName()).sorted().toList();
            assertEquals(components, names(e.getKey()).stream().sorted().toList(), e.getValue().getSimpleName());
        }
    }

    @Test
    void whatTheWriterWritesTheReaderReadsAsTheSameRecord() throws Exception {
        // Every field away from its default, so a getter or setter wired to the wrong field shows.
        ServerConfig c = ServerConfig.builder().logLevel(LogLevel.DEBUG).shutdownGrace(java.time.Duration.ofMillis(1500))
                .statsInterval(java.time.Duration.ofMinutes(2)).admin(new AdminConfig(true, "::1", 9191))
                .pinning(new PinningConfig(false, java.time.Duration.ofMillis(7))).reservedFds(10)
                .services(List.of(
                        ServiceConfig.builder().name("e").protocol(Protocol.CALC).transport(Transport.TCP).host("0.0.0.0")
                                .port(1).mode(Mode.PLATFORM).backlog(5).readTimeout(java.time.Duration.ZERO).maxConnections(7)
                                .maxConnectionsPerClient(3).maxDigits(9).requestDeadline(java.time.Duration.ofHours(1))
                                .proxyProtocol(true).trustedProxies(List.of("10.0.0.0/8", "::1")).trace(true).build(),
                        ServiceConfig.builder().name("u").protocol(Protocol.CALC).transport(Transport.UDP).port(2)
                                .order(WireOrder.BIG).trace(true).build()))
                .build();
        assertEquals(c, ConfigLoader.parse("printed", ConfigWriter.toJson(c)));
    }

    @Test
    void theDocsDocumentEveryFieldWithItsDefaultAndNoOther() throws IOException {
        String doc = Files.readString(DOC);
        checkTable(section(doc, "## Top-level fields"), ConfigSchema.SERVER, "");
        checkTable(section(doc, "## Service fields"), ConfigSchema.SERVICE, "");
    }

    @Test
    void theDurationsTableNamesEveryDurationField() throws IOException {
        String durations = section(Files.readString(DOC), "## Durations");
        List<String> missing = new ArrayList<>();
        durationFields(ConfigSchema.SERVER, "", missing, durations);
        assertEquals(List.of(), missing, "duration fields the Durations table of docs/configuration.md does not list");
    }

    private static void durationFields(ConfigSchema.Shape<?, ?> shape, String prefix, List<String> missing, String table) {
        for (ConfigSchema.Field<?, ?> f : shape.fields()) {
            String name = f.spec().name();
            switch (f.spec().value()) {
                case ConfigSchema.Time t -> {
                    if (!table.contains("`" + prefix + name + "`")) missing.add(prefix + name);
                }
                case ConfigSchema.Nested n -> durationFields(n.shape(), prefix + name + ".", missing, table);
                case ConfigSchema.Entries e -> durationFields(e.shape(), "", missing, table);
                default -> { }
            }
        }
    }

    /** The rows of a field table: each is a field with its default; nested objects show theirs as JSON. */
    private static void checkTable(String table, ConfigSchema.Shape<?, ?> shape, String prefix) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) rows.put(m.group(1), new String[] {m.group(2).trim(), m.group(3)});
        assertEquals(names(shape).stream().sorted().toList(), rows.keySet().stream().sorted().toList(),
                "the fields of " + shape.what() + " in docs/configuration.md");
        Object defaults = shape.defaults();
        for (ConfigSchema.Field<?, ?> f : shape.fields()) {
            String[] row = rows.get(f.spec().name());
            String where = "docs/configuration.md, field " + prefix + f.spec().name();
            if (f.spec().required() != null) {
                assertEquals("(required)", row[0], where);
                continue;
            }
            if (f.spec().value() instanceof ConfigSchema.Nested n) {
                Matcher json = Pattern.compile("`(\\{[^`]*\\})`").matcher(row[1]);
                assertTrue(json.find(), where + ": shows its fields as { \"field\": default, ... }");
                checkObject(json.group(1), n.shape(), where);
                continue;
            }
            Matcher code = CODE.matcher(row[0]);
            assertTrue(code.matches(), where + ": the default is a JSON value in a code span, not " + row[0]);
            assertEquals(json(f.spec().value(), value(f, defaults)), code.group(1), where + ": the default");
        }
    }

    /** An object in the doc, such as { "enabled": false, "host": "127.0.0.1", "port": 9090 }: the fields in order, at their defaults. */
    private static void checkObject(String text, ConfigSchema.Shape<?, ?> shape, String where) throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), where);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                StringWriter out = new StringWriter();
                try (JsonGenerator g = JSON.createGenerator(out)) {
                    g.copyCurrentStructure(p);
                }
                shown.put(name, out.toString());
            }
        }
        assertEquals(names(shape), List.copyOf(shown.keySet()), where + ": its fields, in the order --print-config writes them");
        Object defaults = shape.defaults();
        for (ConfigSchema.Field<?, ?> f : shape.fields()) {
            String name = f.spec().name();
            assertEquals(json(f.spec().value(), value(f, defaults)), shown.get(name), where + "." + name + ": the default");
        }
    }

    /** A value as the config file spells it, compact: "info", 64, [], false. */
    private static String json(ConfigSchema.Value kind, Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            kind.write(g, value);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked") // the record is of the field's shape
    private static <R> Object value(ConfigSchema.Field<R, ?> f, Object record) {
        return f.get((R) record);
    }

    private static List<String> names(ConfigSchema.Shape<?, ?> shape) {
        return shape.fields().stream().map(f -> f.spec().name()).toList();
    }

    /** From a heading to the next heading of the same level. */
    private static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "docs/configuration.md has " + heading);
        int end = doc.indexOf("\n## ", start + heading.length() + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }
}
