package loomlab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Writes a config as JSON with every field spelled out: what {@code --print-config} shows. The
 * fields, their order and which of them a service shows are those of {@link ConfigSchema}.
 */
public final class ConfigWriter {

    private ConfigWriter() { }

    public static String toJson(ServerConfig c) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            object(g, ConfigSchema.SERVER, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static <R> void object(JsonGenerator g, ConfigSchema.Shape<R, ?> shape, R record) throws IOException {
        g.writeStartObject();
        for (ConfigSchema.Field<R, ?, ?> field : shape.fields()) {
            if (field.written().test(record)) {
                g.writeFieldName(field.name());
                value(g, field.value(), field.get().apply(record));
            }
        }
        g.writeEndObject();
    }

    /** One value as its kind is written: enums in lower case, durations as "30s". */
    @SuppressWarnings("unchecked") // each kind of value holds the type it declares
    static void value(JsonGenerator g, ConfigSchema.Value<?> kind, Object value) throws IOException {
        switch (kind) {
            case ConfigSchema.Text t -> g.writeString((String) value);
            case ConfigSchema.Whole w -> g.writeNumber((Integer) value);
            case ConfigSchema.Flag f -> g.writeBoolean((Boolean) value);
            case ConfigSchema.Choice<?> c -> g.writeString(((Enum<?>) value).name().toLowerCase(Locale.ROOT));
            case ConfigSchema.Time t -> g.writeString(Durations.format((Duration) value));
            case ConfigSchema.Texts t -> {
                g.writeStartArray();
                for (String s : (List<String>) value) g.writeString(s);
                g.writeEndArray();
            }
            case ConfigSchema.Nested<?> n -> nested(g, n.shape(), value);
            case ConfigSchema.Entries<?> e -> {
                g.writeStartArray();
                for (Object entry : (List<?>) value) nested(g, e.shape(), entry);
                g.writeEndArray();
            }
        }
    }

    @SuppressWarnings("unchecked") // a nested value is a record of its shape
    private static <R> void nested(JsonGenerator g, ConfigSchema.Shape<R, ?> shape, Object record) throws IOException {
        object(g, shape, (R) record);
    }
}
