package loomlab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the JSON config into records with Jackson's streaming parser: every error carries the
 * exact line and column, and no reflection is involved (the native image needs no metadata).
 * It reads by the declarations of {@link ConfigSchema}: which fields each object has, the kind
 * of each value and where it goes in the record's builder. This class checks syntax, field names
 * and value types; {@link ConfigValidator} checks meaning. Absent fields keep the builder's default.
 *
 * <p>Problems are collected, not thrown one by one: every unknown field, duplicate field and
 * wrong value is reported at once; only broken JSON syntax ends the reading early. Jackson's
 * own messages never reach the user ({@link JsonSyntax} says it in our words).
 */
final class ConfigReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String source;
    private final JsonParser parser;
    /** Where each field was written ("services[1].port" -> "7:15"), for the validator. */
    private final Map<String, String> positions = new HashMap<>();
    /** The paths of the fields the file gives, for the validator ("was 'mode' given?"). */
    private final Set<String> given = new HashSet<>();
    /** The paths of the lists the file gives as [ ], for the validator ("'services' is empty"). */
    private final Set<String> emptyLists = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    /** How many of the problems are unknown or repeated fields: those leave the object usable. */
    private int fieldNameProblems;

    private ConfigReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** Parses a whole document; {@code source} names it in messages (a file path or "default config"). */
    static ParsedConfig read(String source, String text) throws ConfigException {
        ConfigReader reader = null;
        JsonParser p = null;
        try (JsonParser opened = JSON.createParser(text)) {
            p = opened;
            reader = new ConfigReader(source, p);
            ServerConfig config = reader.document();
            if (config == null) throw new ConfigException(String.join("\n", reader.problems));
            // The validator checks the services that could be read, the problems of the others already said.
            return new ParsedConfig(source, config, reader.positions, reader.given, reader.emptyLists, reader.problems);
        } catch (IOException e) {
            // JsonParseException, StreamConstraintsException: the text is no JSON (or absurd JSON)
            List<String> all = new ArrayList<>(reader == null ? List.of() : reader.problems);
            all.add(source + ":" + JsonSyntax.where(e, p) + ": " + JsonSyntax.explain(e));
            throw new ConfigException(String.join("\n", all));
        }
    }

    private ServerConfig document() throws IOException {
        JsonToken first = parser.nextToken();
        positions.put("", at(parser.currentTokenLocation()));
        if (first == null) {
            problem("the file is empty: a config is a JSON object such as { \"services\": [ ... ] }");
            return null;
        }
        if (first != JsonToken.START_OBJECT) {
            problem("the config must be a JSON object { \"services\": [ ... ], ... }, not " + describe());
            parser.skipChildren();
            return null;
        }
        Read<ServerConfig, ServerConfig.Builder> read = fields(ConfigSchema.SERVER, "");
        if (parser.nextToken() != null) {
            problem("unexpected content after the end of the config object");
        }
        if (missing(read, source + ":" + positions.get(""))) return null;
        return read.build();
    }

    /** The fields of one object as read: its builder, and the values that could be read by field name. */
    private record Read<R, B>(ConfigSchema.Shape<R, B> shape, B builder, Map<String, Object> values, Set<String> names) {
        R build() {
            return shape.build(builder);
        }
    }

    /**
     * Reports each required field the object does not give, after {@code where} ("file:3:5" or
     * "file:3:5: service 'calc'"); a field given with a wrong value is reported as such, not also
     * as missing. True when one is missing.
     */
    private boolean missing(Read<?, ?> read, String where) {
        boolean missing = false;
        for (ConfigSchema.Field<?, ?> f : read.shape().fields()) {
            ConfigSchema.Spec spec = f.spec();
            if (spec.required() != null && !read.names().contains(spec.name())) {
                problems.add(where + ": missing field '" + spec.name() + "'" + (spec.required().isEmpty() ? "" : " " + spec.required()));
                missing = true;
            }
        }
        return missing;
    }

    /**
     * The fields of the object the parser is at: each known field once, its value into the
     * builder when it can be read (a wrong one is reported and the field keeps its default);
     * unknown and repeated ones reported (with the position of both) and skipped.
     */
    private <R, B> Read<R, B> fields(ConfigSchema.Shape<R, B> shape, String pathPrefix) throws IOException {
        Read<R, B> read = new Read<>(shape, shape.builder(), new HashMap<>(), new HashSet<>());
        Set<String> known = shape.names();
        Map<String, String> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            String at = at(parser.currentTokenLocation());
            parser.nextToken();
            String first = seen.putIfAbsent(field, at);
            if (first != null) {
                problems.add(source + ":" + at + ": duplicate field " + Shown.quoted(field) + " in " + shape.what()
                        + " (first at " + source + ":" + first + "); each field may appear once");
                fieldNameProblems++;
                parser.skipChildren();
            } else if (!known.contains(field)) {
                String hint = closest(field, known);
                problems.add(source + ":" + at + ": unknown field " + Shown.quoted(field) + " in " + shape.what()
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + "; known fields: " + String.join(", ", new TreeSet<>(known)));
                fieldNameProblems++;
                parser.skipChildren();
            } else {
                String path = pathPrefix + field;
                positions.put(path, at);
                given.add(path);
                read.names().add(field);
                ConfigSchema.Field<R, B> declared = shape.field(field);
                Object value = declared.spec().value().read(this, field, path);
                if (value != null) {
                    declared.set(read.builder(), value);
                    read.values().put(field, value);
                }
            }
        }
        return read;
    }

    /** An object such as 'admin': a wrong field keeps its default, the others count. */
    <R> R object(ConfigSchema.Shape<R, ?> shape, String field, String path) throws IOException {
        StringBuilder names = new StringBuilder();
        for (ConfigSchema.Field<R, ?> f : shape.fields()) {
            names.append(names.isEmpty() ? "" : ", ").append('"').append(f.spec().name()).append("\": ...");
        }
        if (!expect(JsonToken.START_OBJECT, "'" + field + "' must be an object { " + names + " }")) return null;
        return fields(shape, path + ".").build();
    }

    /** A list of objects such as 'services'; an entry with a wrong or missing value is left out (reported). */
    List<Object> entries(ConfigSchema.Entries list, String field, String path) throws IOException {
        if (!expect(JsonToken.START_ARRAY, "'" + field + "' must be a list [ { ... }, ... ]")) return null;
        List<Object> entries = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Object entry = entry(list, list.shape(), path, index++);
            if (entry == null) continue;
            // The validator numbers the entries read; their positions move with them.
            if (entries.size() != index - 1) renumber(path, index - 1, entries.size());
            entries.add(entry);
        }
        if (index == 0) emptyLists.add(path);
        return entries;
    }

    private <R> R entry(ConfigSchema.Entries list, ConfigSchema.Shape<R, ?> shape, String listPath, int index)
            throws IOException {
        String path = listPath + "[" + index + "]";
        positions.put(path, at(parser.currentTokenLocation()));
        if (!expect(JsonToken.START_OBJECT, "each " + list.entry() + " must be an object { \"" + list.namedBy() + "\": ..., ... }")) {
            return null;
        }
        int before = problems.size() - fieldNameProblems;
        Read<R, ?> read = fields(shape, path + ".");
        String where = source + ":" + positions.get(path) + ": " + list.entry() + " "
                + (read.values().get(list.namedBy()) instanceof String name ? Shown.quoted(name) : "#" + (index + 1));
        missing(read, where);
        if (problems.size() - fieldNameProblems > before) {
            // Left out: what it gave must not be taken for what the next entry read in its place gives.
            given.removeIf(key -> under(key, path));
            emptyLists.removeIf(key -> under(key, path));
            return null;
        }
        return read.build();
    }

    /** Whether {@code key} is the path {@code path} or one inside it ("services[1].mode" in "services[1]"). */
    private static boolean under(String key, String path) {
        return key.startsWith(path) && (key.length() == path.length() || key.charAt(path.length()) == '.'
                || key.charAt(path.length()) == '[');
    }

    /** The entry read as {@code list[from]} is {@code list[to]}: its positions and given fields move. */
    private void renumber(String list, int from, int to) {
        String old = list + "[" + from + "]";
        String now = list + "[" + to + "]";
        for (String key : List.copyOf(positions.keySet())) {
            if (under(key, old)) positions.put(now + key.substring(old.length()), positions.remove(key));
        }
        for (Set<String> paths : List.of(given, emptyLists)) {
            for (String key : List.copyOf(paths)) {
                if (under(key, old) && paths.remove(key)) paths.add(now + key.substring(old.length()));
            }
        }
    }

    // ---- small typed readers; each reports a wrong value with its position and returns null ----

    String text(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) return wrong("'" + field + "' must be a string");
        return parser.getText();
    }

    Integer integer(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) return wrong("'" + field + "' must be a whole number");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            return wrong("'" + field + "' is out of range: " + Shown.escaped(parser.getText()));
        }
        return parser.getIntValue();
    }

    /** A list of strings; each entry's position is kept as {@code path[i]} for the validator. */
    List<String> textList(String field, String path) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return wrong("'" + field + "' must be a list of strings [ \"...\", ... ]");
        }
        List<String> into = new ArrayList<>();
        int entries = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            entries++;
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                wrong("each entry of '" + field + "' must be a string");
                continue;
            }
            positions.put(path + "[" + into.size() + "]", at(parser.currentTokenLocation()));
            into.add(parser.getText());
        }
        if (entries == 0) emptyLists.add(path);
        return into;
    }

    Boolean bool(String field) throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) return wrong("'" + field + "' must be true or false");
        return t == JsonToken.VALUE_TRUE;
    }

    Duration duration(String field, Durations.Kind kind) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                return Durations.parse(parser.getText(), kind);
            } catch (Durations.BadDuration e) {
                problem("'" + field + "': " + e.getMessage());
                return null;
            }
        }
        return wrong("'" + field + "' must be a duration such as \"30s\", \"500ms\", \"2m\" or a number of seconds ("
                + kind.range() + ")");
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String field) throws IOException {
        E[] values = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (E e : values) names.add(e.name().toLowerCase(Locale.ROOT));
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String value = parser.getText().trim().toLowerCase(Locale.ROOT);
            for (E e : values) {
                if (e.name().toLowerCase(Locale.ROOT).equals(value)) return e;
            }
        }
        return wrong("'" + field + "' must be one of " + String.join(", ", names));
    }

    /** Reports a value of the wrong kind, says what it was, and skips it. */
    private <T> T wrong(String message) throws IOException {
        problem(message + ", not " + describe());
        parser.skipChildren();
        return null;
    }

    /** The value the parser is at, as a message shows it: "'abc'", "12", "an object { ... }". */
    private String describe() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == null) return "nothing";
        return switch (t) {
            case START_OBJECT -> "an object { ... }";
            case START_ARRAY -> "a list [ ... ]";
            case VALUE_STRING -> Shown.quoted(parser.getText());
            case VALUE_NULL -> "null";
            default -> Shown.escaped(parser.getText());
        };
    }

    private boolean expect(JsonToken token, String message) throws IOException {
        if (parser.currentToken() == token) return true;
        wrong(message);
        return false;
    }

    private void problem(String message) {
        problems.add(source + ":" + at(parser.currentTokenLocation()) + ": " + message);
    }

    static String at(JsonLocation location) {
        return Math.max(1, location.getLineNr()) + ":" + Math.max(1, location.getColumnNr());
    }

    /** The known name closest to a typo, when it is close enough to be a useful hint. */
    static String closest(String typo, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        if (typo.length() > 100) return null;
        String lower = typo.toLowerCase(Locale.ROOT);
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (bestDistance > Math.max(2, typo.length() / 3)) best = null;
        // "prot" is a typo of "port" as much as the start of "protocol": name both.
        for (String candidate : new TreeSet<>(known)) {
            if (lower.length() >= 3 && !candidate.equals(best) && candidate.toLowerCase(Locale.ROOT).startsWith(lower)) {
                return best == null ? candidate : best + "' or '" + candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Jackson's syntax errors, in loomlab's words: what is wrong and what JSON wants instead. */
    static final class JsonSyntax {

        private JsonSyntax() { }

        /** Where the error is: Jackson's location, else where the parser stopped (limits have none of their own). */
        static String where(IOException e, JsonParser parser) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    && j.getLocation().getLineNr() > 0) {
                return at(j.getLocation());
            }
            return parser != null ? at(parser.currentLocation()) : "1:1";
        }

        static String explain(IOException e) {
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getOriginalMessage() != null
                    ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            String found = found(m);
            if (e instanceof StreamConstraintsException) {
                if (m.startsWith("Number")) return "a number with this many digits is not a config value";
                if (m.startsWith("Document nesting")) return "nested too deeply: no config needs more than a few levels";
                if (m.startsWith("String")) return "a string this long is not a config value";
                return "too large to be a config";
            }
            if (m.contains("ALLOW_COMMENTS") || m.contains("comment")) {
                return "not valid JSON: comments (// or /* */) are not allowed; remove them";
            }
            if (m.startsWith("Unexpected end-of-input")) {
                if (m.contains("string value") || m.contains("field name")) {
                    return "not valid JSON: the file ends inside a string (a closing \" is missing)";
                }
                if (m.contains("Array")) return "not valid JSON: the file ends before the ']' that closes a list";
                if (m.contains("Object")) return "not valid JSON: the file ends before the '}' that closes an object";
                return "not valid JSON: the file ends too early";
            }
            if (m.startsWith("Illegal unquoted character")) {
                return "not valid JSON: a control character inside a string (write it as an escape, e.g. \\n or \\t)";
            }
            if (m.startsWith("Unrecognized character escape")) {
                return "not valid JSON: an unknown escape after \\ in a string (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
            }
            if (m.startsWith("Unrecognized token")) {
                String token = m.replaceFirst("(?s)^Unrecognized token '(.*)': was expecting.*$", "$1");
                return "not valid JSON: " + Shown.quoted(token) + " is not a value (text goes in double quotes: \"...\")";
            }
            if (m.startsWith("Unexpected close marker")) {
                return "not valid JSON: " + found + " does not close what is open here (a '{' closes with '}', a '[' with ']')";
            }
            if (m.contains("Leading zeroes")) return "not valid JSON: a number must not start with 0 (write 8, not 08)";
            if (m.startsWith("Non-standard token") || m.contains("NaN") || m.contains("Infinity")) {
                return "not valid JSON: NaN and Infinity are not JSON numbers";
            }
            if (m.contains("numeric value") || m.contains("Numeric value") || m.contains("number")) {
                return "not valid JSON: a malformed number" + (found.isEmpty() ? "" : " (" + found + " in it)");
            }
            String trailing = found.equals("'}'") || found.equals("']'")
                    ? " (a comma before " + found + " is not allowed in JSON)" : "";
            if (m.contains("double-quote to start field name")) {
                return "not valid JSON: expected a field name in double quotes, found " + found + trailing;
            }
            if (m.contains("comma to separate Object entries")) {
                return "not valid JSON: expected ',' or '}' after a field's value, found " + found;
            }
            if (m.contains("comma to separate Array entries")) {
                return "not valid JSON: expected ',' or ']' after a list element, found " + found;
            }
            if (m.contains("colon to separate field name and value")) {
                return "not valid JSON: expected ':' after the field name, found " + found;
            }
            if (m.contains("expected a valid value") || m.contains("was expecting")) {
                return "not valid JSON: expected a value (a \"string\", a number, true, false, null, [ ... ] or { ... }), found "
                        + found + trailing;
            }
            return "not valid JSON" + (found.isEmpty() ? "" : ": unexpected " + found);
        }

        /** The character Jackson names as "(code 125)", shown safely: "'}'" or "character 0x1b". */
        private static String found(String message) {
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("code (\\d+)\\)").matcher(message);
            if (!code.find()) return "";
            int c;
            try {
                c = Integer.parseInt(code.group(1));
            } catch (NumberFormatException e) {
                return "";
            }
            if (c < 0x20 || c == 0x7f || !Character.isValidCodePoint(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE || Character.isISOControl(c)) {
                return String.format("character U+%04X", c);
            }
            return "'" + new String(Character.toChars(c)) + "'";
        }
    }
}
