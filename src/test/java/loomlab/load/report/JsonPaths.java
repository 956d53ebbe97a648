package loomlab.load.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON document flattened to its scalar values by path ({@code steps[3].memory.rssWithinNoise},
 * {@code result.result.value}), for tests that read the demo's JSON or DevTools answers with
 * Jackson's streaming parser (the project has no data binding).
 */
final class JsonPaths {

    private JsonPaths() { }

    /** Path to value: String, Long, Double, Boolean, or null (JSON null). */
    static Map<String, Object> of(String json) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            read(p, "", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** How many elements the array at {@code path} has (0 when there is none). */
    static int count(Map<String, Object> doc, String path) {
        int n = 0;
        while (has(doc, path + "[" + n + "]")) n++;
        return n;
    }

    private static boolean has(Map<String, Object> doc, String prefix) {
        return doc.keySet().stream().anyMatch(k -> k.equals(prefix) || k.startsWith(prefix + ".") || k.startsWith(prefix + "["));
    }

    private static void read(JsonParser p, String path, Map<String, Object> out) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    read(p, path.isEmpty() ? name : path + "." + name, out);
                }
            }
            case START_ARRAY -> {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) read(p, path + "[" + i++ + "]", out);
            }
            case VALUE_STRING -> out.put(path, p.getText());
            case VALUE_NUMBER_INT -> out.put(path, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> out.put(path, p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> out.put(path, p.getBooleanValue());
            case VALUE_NULL -> out.put(path, null);
            default -> throw new IOException("unexpected " + t + " at " + path);
        }
    }
}
