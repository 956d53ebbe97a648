package loomlab.nativeimage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole JSON document into maps, lists, strings, numbers and booleans with jackson-core
 * (the only JSON library on the classpath), failing on any syntax error or trailing content.
 */
final class MetadataJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MetadataJson() { }

    static Object read(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            Object value = value(p, p.nextToken());
            if (p.nextToken() != null) throw new IOException(file + ": content after the end of the document");
            return value;
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        if (token == null) throw new IOException("empty document");
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (map.put(key, value(p, p.nextToken())) != null) {
                        throw new IOException("duplicate key '" + key + "' at " + p.currentLocation());
                    }
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) list.add(value(p, t));
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token + " at " + p.currentLocation());
        };
    }
}
