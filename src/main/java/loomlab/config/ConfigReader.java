package loomlab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
final class ConfigReader {

    static final Set<String> TOP_FIELDS = Set.of("logLevel", "shutdownGrace", "statsInterval", "admin", "pinning",
            "reservedFds", "services");
    static final Set<String> ADMIN_FIELDS = Set.of("enabled", "host", "port");
    static final Set<String> PINNING_FIELDS = Set.of("enabled", "threshold");
    static final Set<String> SERVICE_FIELDS = Set.of("name", "protocol", "transport", "host", "port", "mode",
            "order", "backlog", "readTimeout", "maxConnections", "maxConnectionsPerClient", "maxDigits",
            "requestDeadline", "proxyProtocol", "trustedProxies");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String source;
    private final JsonParser parser;
    /** Where each field was written ("services[1].port" -> "config.json:7:15"), for the validator. */
    private final Map<String, String> positions = new HashMap<>();

    private ConfigReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** Parses a whole document; {@code source} names it in messages (a file path or "default config"). */
    static ParsedConfig read(String source, Reader text) throws ConfigException {
        try (JsonParser p = JSON.createParser(text)) {
            ConfigReader reader = new ConfigReader(source, p);
            ServerConfig config = reader.document();
            return new ParsedConfig(source, config, Map.copyOf(reader.positions));
        } catch (JsonParseException e) {
            throw new ConfigException(source + ":" + at(e.getLocation()) + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private ServerConfig document() throws IOException, ConfigException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw error("the config must be a JSON object { ... }");
        }
        LogLevel logLevel = ServerConfig.DEFAULT_LOG_LEVEL;
        Duration grace = ServerConfig.DEFAULT_SHUTDOWN_GRACE;
        Duration stats = ServerConfig.DEFAULT_STATS_INTERVAL;
        AdminConfig admin = AdminConfig.DEFAULT;
        PinningConfig pinning = PinningConfig.DEFAULT;
        int reservedFds = ServerConfig.DEFAULT_RESERVED_FDS;
        List<ServiceConfig> services = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = fieldName(TOP_FIELDS, "the config", "");
            parser.nextToken();
            switch (field) {
                case "logLevel" -> logLevel = enumValue(LogLevel.class, field);
                case "shutdownGrace" -> grace = duration(field);
                case "statsInterval" -> stats = duration(field);
                case "admin" -> admin = admin();
                case "pinning" -> pinning = pinning();
                case "reservedFds" -> reservedFds = integer(field);
                case "services" -> services = services();
                default -> throw new AssertionError(field);
            }
        }
        if (parser.nextToken() != null) {
            throw error("unexpected content after the end of the config object");
        }
        if (services == null) {
            throw new ConfigException(source + ": missing field 'services' (a list of services to run)");
        }
        return new ServerConfig(logLevel, grace, stats, admin, services, pinning, reservedFds);
    }

    private PinningConfig pinning() throws IOException, ConfigException {
        expect(JsonToken.START_OBJECT, "'pinning' must be an object { \"enabled\": ..., \"threshold\": ... }");
        boolean enabled = PinningConfig.DEFAULT.enabled();
        Duration threshold = PinningConfig.DEFAULT.threshold();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = fieldName(PINNING_FIELDS, "'pinning'", "pinning.");
            parser.nextToken();
            switch (field) {
                case "enabled" -> enabled = bool(field);
                case "threshold" -> threshold = duration(field);
                default -> throw new AssertionError(field);
            }
        }
        return new PinningConfig(enabled, threshold);
    }

    private AdminConfig admin() throws IOException, ConfigException {
        expect(JsonToken.START_OBJECT, "'admin' must be an object { \"enabled\": ..., \"host\": ..., \"port\": ... }");
        boolean enabled = AdminConfig.DEFAULT.enabled();
        String host = AdminConfig.DEFAULT.host();
        int port = AdminConfig.DEFAULT.port();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = fieldName(ADMIN_FIELDS, "'admin'", "admin.");
            parser.nextToken();
            switch (field) {
                case "enabled" -> enabled = bool(field);
                case "host" -> host = text(field);
                case "port" -> port = integer(field);
                default -> throw new AssertionError(field);
            }
        }
        return new AdminConfig(enabled, host, port);
    }

    private List<ServiceConfig> services() throws IOException, ConfigException {
        expect(JsonToken.START_ARRAY, "'services' must be a list [ { ... }, ... ]");
        List<ServiceConfig> services = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            services.add(service(services.size()));
        }
        return services;
    }

    private ServiceConfig service(int index) throws IOException, ConfigException {
        String path = "services[" + index + "]";
        expect(JsonToken.START_OBJECT, "each service must be an object { \"name\": ..., ... }");
        positions.put(path, at(parser.currentTokenLocation()));
        String name = null;
        Protocol protocol = null;
        Transport transport = null;
        String host = ServiceConfig.DEFAULT_HOST;
        Integer port = null;
        Mode mode = null;
        WireOrder order = null;
        int backlog = ServiceConfig.DEFAULT_BACKLOG;
        Duration readTimeout = ServiceConfig.DEFAULT_READ_TIMEOUT;
        int maxConnections = ServiceConfig.DEFAULT_MAX_CONNECTIONS;
        int maxPerClient = ServiceConfig.DEFAULT_MAX_CONNECTIONS_PER_CLIENT;
        int maxDigits = ServiceConfig.DEFAULT_MAX_DIGITS;
        Duration deadline = ServiceConfig.DEFAULT_REQUEST_DEADLINE;
        boolean proxyProtocol = false;
        List<String> trustedProxies = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = fieldName(SERVICE_FIELDS, "a service", path + ".");
            parser.nextToken();
            switch (field) {
                case "name" -> name = text(field);
                case "protocol" -> protocol = enumValue(Protocol.class, field);
                case "transport" -> transport = enumValue(Transport.class, field);
                case "host" -> host = text(field);
                case "port" -> port = integer(field);
                case "mode" -> mode = enumValue(Mode.class, field);
                case "order" -> order = enumValue(WireOrder.class, field);
                case "backlog" -> backlog = integer(field);
                case "readTimeout" -> readTimeout = duration(field);
                case "maxConnections" -> maxConnections = integer(field);
                case "maxConnectionsPerClient" -> maxPerClient = integer(field);
                case "maxDigits" -> maxDigits = integer(field);
                case "requestDeadline" -> deadline = duration(field);
                case "proxyProtocol" -> proxyProtocol = bool(field);
                case "trustedProxies" -> trustedProxies = textList(field, path + "." + field);
                default -> throw new AssertionError(field);
            }
        }
        String where = source + ":" + positions.get(path) + ": service " + (name == null ? "#" + (index + 1) : "'" + name + "'");
        if (name == null) throw new ConfigException(where + ": missing field 'name'");
        if (protocol == null) throw new ConfigException(where + ": missing field 'protocol' (echo or calc)");
        if (transport == null) throw new ConfigException(where + ": missing field 'transport' (tcp or udp)");
        if (port == null) throw new ConfigException(where + ": missing field 'port' (0 picks a free port)");
        // Absent mode/order stay null here only to let the validator tell "mode given for udp" from
        // "mode left out"; records reaching the server always carry a value.
        positions.put(path + ".mode.given", String.valueOf(mode != null));
        positions.put(path + ".order.given", String.valueOf(order != null));
        return new ServiceConfig(name, protocol, transport, host, port,
                mode != null ? mode : ServiceConfig.DEFAULT_MODE,
                order != null ? order : ServiceConfig.DEFAULT_ORDER,
                backlog, readTimeout, maxConnections, maxPerClient, maxDigits, deadline, proxyProtocol, trustedProxies);
    }

    // ---- small typed readers; each names the field and its position on error ----

    private String fieldName(Set<String> known, String what, String pathPrefix) throws IOException, ConfigException {
        String field = parser.currentName();
        if (!known.contains(field)) {
            String hint = closest(field, known);
            throw error("unknown field '" + field + "' in " + what
                    + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                    + "; known fields: " + String.join(", ", new TreeSet<>(known)));
        }
        positions.put(pathPrefix + field, at(parser.currentTokenLocation()));
        return field;
    }

    private String text(String field) throws IOException, ConfigException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) throw error("'" + field + "' must be a string");
        return parser.getText();
    }

    /** A list of strings; each entry's position is kept as {@code path[i]} for the validator. */
    private List<String> textList(String field, String path) throws IOException, ConfigException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw error("'" + field + "' must be a list of strings [ \"...\", ... ]");
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) throw error("each entry of '" + field + "' must be a string");
            positions.put(path + "[" + values.size() + "]", at(parser.currentTokenLocation()));
            values.add(parser.getText());
        }
        return values;
    }

    private int integer(String field) throws IOException, ConfigException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) throw error("'" + field + "' must be a whole number");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw error("'" + field + "' is out of range: " + parser.getText());
        }
        return parser.getIntValue();
    }

    private boolean bool(String field) throws IOException, ConfigException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw error("'" + field + "' must be true or false");
        return t == JsonToken.VALUE_TRUE;
    }

    private Duration duration(String field) throws IOException, ConfigException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            long seconds = parser.getLongValue();
            if (seconds < 0) throw error("'" + field + "' must not be negative");
            return Duration.ofSeconds(seconds);
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Duration d = Durations.parse(parser.getText());
            if (d != null) return d;
        }
        throw error("'" + field + "' must be a duration such as \"30s\", \"500ms\", \"2m\" or a number of seconds, not "
                + parser.getText());
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String field) throws IOException, ConfigException {
        E[] values = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (E e : values) names.add(e.name().toLowerCase(Locale.ROOT));
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String value = parser.getText().trim().toLowerCase(Locale.ROOT);
            for (E e : values) {
                if (e.name().toLowerCase(Locale.ROOT).equals(value)) return e;
            }
        }
        throw error("'" + field + "' must be one of " + String.join(", ", names) + ", not " + parser.getText());
    }

    private void expect(JsonToken token, String message) throws ConfigException {
        if (parser.currentToken() != token) throw error(message);
    }

    private ConfigException error(String message) {
        return new ConfigException(source + ":" + at(parser.currentTokenLocation()) + ": " + message);
    }

    static String at(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    /** The known name closest to a typo, when it is close enough to be a useful hint. */
    static String closest(String typo, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(typo.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, typo.length() / 3) ? best : null;
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
}
