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
 * This class checks syntax, field names and value types; {@link ConfigValidator} checks meaning.
 * Absent fields take their defaults.
 *
 * <p>Problems are collected, not thrown one by one: every unknown field, duplicate field and
 * wrong value is reported at once; only broken JSON syntax ends the reading early. Jackson's
 * own messages never reach the user ({@link JsonSyntax} says it in our words).
 */
final class ConfigReader {

    static final Set<String> TOP_FIELDS = Set.of("logLevel", "shutdownGrace", "statsInterval", "admin", "pinning",
            "reservedFds", "services");
    static final Set<String> ADMIN_FIELDS = Set.of("enabled", "host", "port");
    static final Set<String> PINNING_FIELDS = Set.of("enabled", "threshold");
    static final Set<String> SERVICE_FIELDS = Set.of("name", "protocol", "transport", "host", "port", "mode",
            "order", "backlog", "readTimeout", "maxConnections", "maxConnectionsPerClient", "maxDigits",
            "requestDeadline", "proxyProtocol", "trustedProxies", "trace");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String source;
    private final JsonParser parser;
    /** Where each field was written ("services[1].port" -> "7:15"), for the validator. */
    private final Map<String, String> positions = new HashMap<>();
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
            return new ParsedConfig(source, config, Map.copyOf(reader.positions), List.copyOf(reader.problems));
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
        LogLevel[] logLevel = {ServerConfig.DEFAULT_LOG_LEVEL};
        Duration[] grace = {ServerConfig.DEFAULT_SHUTDOWN_GRACE};
        Duration[] stats = {ServerConfig.DEFAULT_STATS_INTERVAL};
        AdminConfig[] admin = {AdminConfig.DEFAULT};
        PinningConfig[] pinning = {PinningConfig.DEFAULT};
        int[] reservedFds = {ServerConfig.DEFAULT_RESERVED_FDS};
        List<List<ServiceConfig>> services = new ArrayList<>();
        fields(TOP_FIELDS, "the config", "", field -> {
            switch (field) {
                case "logLevel" -> logLevel[0] = or(enumValue(LogLevel.class, field), logLevel[0]);
                case "shutdownGrace" -> grace[0] = or(duration(field, Durations.Kind.GRACE), grace[0]);
                case "statsInterval" -> stats[0] = or(duration(field, Durations.Kind.INTERVAL), stats[0]);
                case "admin" -> admin[0] = admin();
                case "pinning" -> pinning[0] = pinning();
                case "reservedFds" -> reservedFds[0] = or(integer(field), reservedFds[0]);
                case "services" -> services.add(services());
                default -> throw new IllegalStateException(field);
            }
        });
        if (parser.nextToken() != null) {
            problem("unexpected content after the end of the config object");
        }
        if (services.isEmpty()) {
            problems.add(source + ":" + positions.get("") + ": missing field 'services' (a list of services to run)");
            return null;
        }
        return new ServerConfig(logLevel[0], grace[0], stats[0], admin[0], services.get(0), pinning[0], reservedFds[0]);
    }

    private PinningConfig pinning() throws IOException {
        if (!expect(JsonToken.START_OBJECT, "'pinning' must be an object { \"enabled\": ..., \"threshold\": ... }")) {
            return PinningConfig.DEFAULT;
        }
        boolean[] enabled = {PinningConfig.DEFAULT.enabled()};
        Duration[] threshold = {PinningConfig.DEFAULT.threshold()};
        fields(PINNING_FIELDS, "'pinning'", "pinning.", field -> {
            switch (field) {
                case "enabled" -> enabled[0] = or(bool(field), enabled[0]);
                case "threshold" -> threshold[0] = or(duration(field, Durations.Kind.THRESHOLD), threshold[0]);
                default -> throw new IllegalStateException(field);
            }
        });
        return new PinningConfig(enabled[0], threshold[0]);
    }

    private AdminConfig admin() throws IOException {
        if (!expect(JsonToken.START_OBJECT, "'admin' must be an object { \"enabled\": ..., \"host\": ..., \"port\": ... }")) {
            return AdminConfig.DEFAULT;
        }
        boolean[] enabled = {AdminConfig.DEFAULT.enabled()};
        String[] host = {AdminConfig.DEFAULT.host()};
        int[] port = {AdminConfig.DEFAULT.port()};
        fields(ADMIN_FIELDS, "'admin'", "admin.", field -> {
            switch (field) {
                case "enabled" -> enabled[0] = or(bool(field), enabled[0]);
                case "host" -> host[0] = or(text(field), host[0]);
                case "port" -> port[0] = or(integer(field), port[0]);
                default -> throw new IllegalStateException(field);
            }
        });
        return new AdminConfig(enabled[0], host[0], port[0]);
    }

    private List<ServiceConfig> services() throws IOException {
        if (!expect(JsonToken.START_ARRAY, "'services' must be a list [ { ... }, ... ]")) return List.of();
        List<ServiceConfig> services = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ServiceConfig s = service(index++);
            if (s == null) continue;
            // The validator numbers the services read; their positions move with them.
            if (services.size() != index - 1) renumber(index - 1, services.size());
            services.add(s);
        }
        positions.put("services.count", Integer.toString(index));
        return services;
    }

    private ServiceConfig service(int index) throws IOException {
        String path = "services[" + index + "]";
        positions.put(path, at(parser.currentTokenLocation()));
        if (!expect(JsonToken.START_OBJECT, "each service must be an object { \"name\": ..., ... }")) return null;
        Set<String> given = new HashSet<>();
        String[] name = {null};
        Protocol[] protocol = {null};
        Transport[] transport = {null};
        String[] host = {ServiceConfig.DEFAULT_HOST};
        Integer[] port = {null};
        Mode[] mode = {null};
        WireOrder[] order = {null};
        int[] backlog = {ServiceConfig.DEFAULT_BACKLOG};
        Duration[] readTimeout = {ServiceConfig.DEFAULT_READ_TIMEOUT};
        int[] maxConnections = {ServiceConfig.DEFAULT_MAX_CONNECTIONS};
        int[] maxPerClient = {ServiceConfig.DEFAULT_MAX_CONNECTIONS_PER_CLIENT};
        int[] maxDigits = {ServiceConfig.DEFAULT_MAX_DIGITS};
        Duration[] deadline = {ServiceConfig.DEFAULT_REQUEST_DEADLINE};
        boolean[] proxyProtocol = {false};
        boolean[] trace = {false};
        List<String> trustedProxies = new ArrayList<>();
        int before = problems.size() - fieldNameProblems;
        fields(SERVICE_FIELDS, "a service", path + ".", field -> {
            given.add(field);
            switch (field) {
                case "name" -> name[0] = text(field);
                case "protocol" -> protocol[0] = enumValue(Protocol.class, field);
                case "transport" -> transport[0] = enumValue(Transport.class, field);
                case "host" -> host[0] = or(text(field), host[0]);
                case "port" -> port[0] = integer(field);
                case "mode" -> mode[0] = enumValue(Mode.class, field);
                case "order" -> order[0] = enumValue(WireOrder.class, field);
                case "backlog" -> backlog[0] = or(integer(field), backlog[0]);
                case "readTimeout" -> readTimeout[0] = or(duration(field, Durations.Kind.LIMIT), readTimeout[0]);
                case "maxConnections" -> maxConnections[0] = or(integer(field), maxConnections[0]);
                case "maxConnectionsPerClient" -> maxPerClient[0] = or(integer(field), maxPerClient[0]);
                case "maxDigits" -> maxDigits[0] = or(integer(field), maxDigits[0]);
                case "requestDeadline" -> deadline[0] = or(duration(field, Durations.Kind.LIMIT), deadline[0]);
                case "proxyProtocol" -> proxyProtocol[0] = or(bool(field), proxyProtocol[0]);
                case "trustedProxies" -> textList(field, path + "." + field, trustedProxies);
                case "trace" -> trace[0] = or(bool(field), trace[0]);
                default -> throw new IllegalStateException(field);
            }
        });
        String where = source + ":" + positions.get(path) + ": service "
                + (name[0] == null ? "#" + (index + 1) : Shown.quoted(name[0]));
        // A field given with a wrong value is reported as such, not also as missing.
        if (!given.contains("name")) problems.add(where + ": missing field 'name'");
        if (!given.contains("protocol")) problems.add(where + ": missing field 'protocol' (echo or calc)");
        if (!given.contains("transport")) problems.add(where + ": missing field 'transport' (tcp or udp)");
        if (!given.contains("port")) problems.add(where + ": missing field 'port' (0 picks a free port)");
        if (problems.size() - fieldNameProblems > before) return null;
        // Absent mode/order stay null here only to let the validator tell "mode given for udp" from
        // "mode left out"; records reaching the server always carry a value.
        positions.put(path + ".mode.given", String.valueOf(mode[0] != null));
        positions.put(path + ".order.given", String.valueOf(order[0] != null));
        return new ServiceConfig(name[0], protocol[0], transport[0], host[0], port[0],
                mode[0] != null ? mode[0] : ServiceConfig.DEFAULT_MODE,
                order[0] != null ? order[0] : ServiceConfig.DEFAULT_ORDER,
                backlog[0], readTimeout[0], maxConnections[0], maxPerClient[0], maxDigits[0], deadline[0],
                proxyProtocol[0], List.copyOf(trustedProxies), trace[0]);
    }

    private void renumber(int from, int to) {
        String old = "services[" + from + "]";
        for (String key : List.copyOf(positions.keySet())) {
            if (key.startsWith(old)) positions.put("services[" + to + "]" + key.substring(old.length()), positions.remove(key));
        }
    }

    // ---- the fields of one object ----

    /** Reads one field's value; the parser is at the value's first token. */
    private interface FieldReader {
        void read(String field) throws IOException;
    }

    /**
     * The fields of the object the parser is at: each known field once to {@code each}; unknown
     * and repeated ones reported (with the position of both) and skipped.
     */
    private void fields(Set<String> known, String what, String pathPrefix, FieldReader each) throws IOException {
        Map<String, String> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            String at = at(parser.currentTokenLocation());
            parser.nextToken();
            String first = seen.putIfAbsent(field, at);
            if (first != null) {
                problems.add(source + ":" + at + ": duplicate field " + Shown.quoted(field) + " in " + what
                        + " (first at " + source + ":" + first + "); each field may appear once");
                fieldNameProblems++;
                parser.skipChildren();
            } else if (!known.contains(field)) {
                String hint = closest(field, known);
                problems.add(source + ":" + at + ": unknown field " + Shown.quoted(field) + " in " + what
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + "; known fields: " + String.join(", ", new TreeSet<>(known)));
                fieldNameProblems++;
                parser.skipChildren();
            } else {
                positions.put(pathPrefix + field, at);
                each.read(field);
            }
        }
    }

    // ---- small typed readers; each reports a wrong value with its position and returns null ----

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private String text(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) return wrong("'" + field + "' must be a string");
        return parser.getText();
    }

    private Integer integer(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) return wrong("'" + field + "' must be a whole number");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            return wrong("'" + field + "' is out of range: " + Shown.escaped(parser.getText()));
        }
        return parser.getIntValue();
    }

    /** A list of strings into {@code into}; each entry's position is kept as {@code path[i]} for the validator. */
    private void textList(String field, String path, List<String> into) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            wrong("'" + field + "' must be a list of strings [ \"...\", ... ]");
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                wrong("each entry of '" + field + "' must be a string");
                continue;
            }
            positions.put(path + "[" + into.size() + "]", at(parser.currentTokenLocation()));
            into.add(parser.getText());
        }
    }

    private Boolean bool(String field) throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) return wrong("'" + field + "' must be true or false");
        return t == JsonToken.VALUE_TRUE;
    }

    private Duration duration(String field, Durations.Kind kind) throws IOException {
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

    private <E extends Enum<E>> E enumValue(Class<E> type, String field) throws IOException {
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
