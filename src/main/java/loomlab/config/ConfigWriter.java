package loomlab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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

    /** An object of {@code shape}: its fields in order, those that {@link ConfigSchema.Field#written} leaves out left out. */
    @SuppressWarnings("unchecked") // the record is one of the shape's
    static <R> void object(JsonGenerator g, ConfigSchema.Shape<R, ?> shape, Object record) throws IOException {
        R r = (R) record;
        g.writeStartObject();
        for (ConfigSchema.Field<R, ?> field : shape.fields()) {
            if (field.written(r)) {
                g.writeFieldName(field.spec().name());
                field.spec().value().write(g, field.get(r));
            }
        }
        g.writeEndObject();
    }
}
