package loomlab.config;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The config file's fields, declared once. For each object (the config, {@code admin},
 * {@code pinning}, a service) an enum of its fields in the order {@code --print-config} writes
 * them: each constant gives the field's JSON name, its kind of value and whether it is required,
 * and the enum's exhaustive switches say where the value goes in the record's builder, where the
 * writer finds it in the record and when the writer writes it (the compiler refuses a field
 * left out of one). {@link ConfigReader} reads by these declarations (the known fields of its
 * messages are their names), {@link ConfigWriter} writes by them, and {@code ConfigSchemaTest}
 * holds the records and docs/configuration.md to them. A field's default is where its builder
 * starts (the records' {@code DEFAULT} constants). What a value means (ranges, clashes, what
 * fits which transport) is checked in one place, {@link ConfigValidator}.
 *
 * <p>Adding a field: the record component and its builder setter, a constant and its cases
 * here, a row in docs/configuration.md, and a check in the validator if it has a range.
 *
 * <p>Switches rather than method references: each method reference is a class the JVM spins at
 * start-up, and a cold start spent tens of milliseconds on the sixty of them (docs/performance.md,
 * "Start-up").
 */
final class ConfigSchema {

    private ConfigSchema() { }

    // ---- kinds of values ----

    /** What kind of value a field holds: how the reader takes it and the writer spells it. */
    sealed interface Value permits Text, Whole, Flag, Choice, Time, Texts, Nested, Entries {

        /** The value the parser is at; null when it is of another kind (the reader has reported it). */
        Object read(ConfigReader in, String field, String path) throws IOException;

        void write(JsonGenerator out, Object value) throws IOException;
    }

    /** A JSON string. */
    record Text() implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.text(field);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeString((String) value);
        }
    }

    /** A JSON number that fits an int. */
    record Whole() implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.integer(field);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeNumber((Integer) value);
        }
    }

    /** true or false. */
    record Flag() implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.bool(field);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeBoolean((Boolean) value);
        }
    }

    /** One of an enum's constants, read in any case, written in lower case. */
    record Choice<E extends Enum<E>>(Class<E> type) implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.enumValue(type, field);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeString(type.cast(value).name().toLowerCase(Locale.ROOT));
        }
    }

    /** A duration ("30s", "500ms" or a number of seconds) of a kind, whose range the reader checks. */
    record Time(Durations.Kind kind) implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.duration(field, kind);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeString(Durations.format((Duration) value));
        }
    }

    /** A list of strings. */
    record Texts() implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.textList(field, path);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeStartArray();
            for (Object s : (List<?>) value) out.writeString((String) s);
            out.writeEndArray();
        }
    }

    /** An object of its own fields. */
    record Nested(Shape<?, ?> shape) implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.object(shape, field, path);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            ConfigWriter.object(out, shape, value);
        }
    }

    /**
     * A list of objects of one shape; {@code entry} is what a message calls one ("service"), named
     * by its field {@code namedBy} when that could be read ("service 'calc'"), else by its number.
     */
    record Entries(Shape<?, ?> shape, String entry, String namedBy) implements Value {
        public Object read(ConfigReader in, String field, String path) throws IOException {
            return in.entries(this, field, path);
        }

        public void write(JsonGenerator out, Object value) throws IOException {
            out.writeStartArray();
            for (Object entry : (List<?>) value) ConfigWriter.object(out, shape, entry);
            out.writeEndArray();
        }
    }

    private static final Value TEXT = new Text();
    private static final Value WHOLE = new Whole();
    private static final Value FLAG = new Flag();
    private static final Value TEXTS = new Texts();

    // ---- fields and objects ----

    /**
     * What a field is, as the file sees it.
     *
     * @param name     as written in the file
     * @param value    its kind of value
     * @param required null when the field may be left out (it keeps the builder's default); else
     *                 the words after "missing field 'NAME'" ("" for none)
     */
    record Spec(String name, Value value, String required) {

        static Spec optional(String name, Value value) {
            return new Spec(name, value, null);
        }

        static Spec required(String name, Value value, String why) {
            return new Spec(name, value, why);
        }
    }

    /** One field of an object whose record is {@code R}, made with a builder {@code B}. */
    interface Field<R, B> {
        Spec spec();

        /** Where the writer finds it. */
        Object get(R record);

        /** Where the reader puts it; {@code value} is of the field's kind. */
        B set(B builder, Object value);

        /** Whether the writer writes it for this record (fields that do not fit a service are left out). */
        default boolean written(R record) {
            return true;
        }
    }

    /** An object of the config: what messages call it, its fields, and how its record is built. */
    abstract static class Shape<R, B> {
        private final String what;
        private final List<Field<R, B>> fields;
        private final Set<String> names;

        Shape(String what, Field<R, B>[] fields) {
            this.what = what;
            this.fields = List.of(fields);
            Set<String> all = new HashSet<>();
            for (Field<R, B> f : fields) all.add(f.spec().name());
            this.names = Set.copyOf(all);
        }

        /** How messages call it: "the config", "'admin'", "a service". */
        String what() {
            return what;
        }

        /** In the order the writer writes them. */
        List<Field<R, B>> fields() {
            return fields;
        }

        /** The known field names, for the reader and its messages. */
        Set<String> names() {
            return names;
        }

        Field<R, B> field(String name) {
            for (Field<R, B> f : fields) {
                if (f.spec().name().equals(name)) return f;
            }
            return null;
        }

        /** A builder at the defaults. */
        abstract B builder();

        abstract R build(B builder);

        /** The record every field of which is at its default (required fields null or 0). */
        R defaults() {
            return build(builder());
        }
    }

    static final Shape<AdminConfig, AdminConfig.Builder> ADMIN = new Shape<>("'admin'", AdminField.values()) {
        AdminConfig.Builder builder() {
            return AdminConfig.builder();
        }

        AdminConfig build(AdminConfig.Builder b) {
            return b.build();
        }
    };

    static final Shape<PinningConfig, PinningConfig.Builder> PINNING = new Shape<>("'pinning'", PinningField.values()) {
        PinningConfig.Builder builder() {
            return PinningConfig.builder();
        }

        PinningConfig build(PinningConfig.Builder b) {
            return b.build();
        }
    };

    static final Shape<ServiceConfig, ServiceConfig.Builder> SERVICE = new Shape<>("a service", ServiceField.values()) {
        ServiceConfig.Builder builder() {
            return ServiceConfig.builder();
        }

        ServiceConfig build(ServiceConfig.Builder b) {
            return b.build();
        }
    };

    static final Shape<ServerConfig, ServerConfig.Builder> SERVER = new Shape<>("the config", ServerField.values()) {
        ServerConfig.Builder builder() {
            return ServerConfig.builder();
        }

        ServerConfig build(ServerConfig.Builder b) {
            return b.build();
        }
    };

    // Private: only the shapes above reach them, so each enum is initialized while this class is.

    private enum ServerField implements Field<ServerConfig, ServerConfig.Builder> {
        LOG_LEVEL(Spec.optional("logLevel", new Choice<>(LogLevel.class))),
        SHUTDOWN_GRACE(Spec.optional("shutdownGrace", new Time(Durations.Kind.GRACE))),
        STATS_INTERVAL(Spec.optional("statsInterval", new Time(Durations.Kind.INTERVAL))),
        ADMIN_ENDPOINT(Spec.optional("admin", new Nested(ConfigSchema.ADMIN))),
        PINNING_WARNINGS(Spec.optional("pinning", new Nested(ConfigSchema.PINNING))),
        RESERVED_FDS(Spec.optional("reservedFds", WHOLE)),
        SERVICES(Spec.required("services", new Entries(SERVICE, "service", "name"), "(a list of services to run)"));

        private final Spec spec;

        ServerField(Spec spec) {
            this.spec = spec;
        }

        public Spec spec() {
            return spec;
        }

        public Object get(ServerConfig c) {
            return switch (this) {
                case LOG_LEVEL -> c.logLevel();
                case SHUTDOWN_GRACE -> c.shutdownGrace();
                case STATS_INTERVAL -> c.statsInterval();
                case ADMIN_ENDPOINT -> c.admin();
                case PINNING_WARNINGS -> c.pinning();
                case RESERVED_FDS -> c.reservedFds();
                case SERVICES -> c.services();
            };
        }

        @SuppressWarnings("unchecked") // the reader gives the list its Entries kind reads
        public ServerConfig.Builder set(ServerConfig.Builder b, Object v) {
            return switch (this) {
                case LOG_LEVEL -> b.logLevel((LogLevel) v);
                case SHUTDOWN_GRACE -> b.shutdownGrace((Duration) v);
                case STATS_INTERVAL -> b.statsInterval((Duration) v);
                case ADMIN_ENDPOINT -> b.admin((AdminConfig) v);
                case PINNING_WARNINGS -> b.pinning((PinningConfig) v);
                case RESERVED_FDS -> b.reservedFds((Integer) v);
                case SERVICES -> b.services((List<ServiceConfig>) v);
            };
        }
    }

    private enum AdminField implements Field<AdminConfig, AdminConfig.Builder> {
        ENABLED(Spec.optional("enabled", FLAG)),
        HOST(Spec.optional("host", TEXT)),
        PORT(Spec.optional("port", WHOLE));

        private final Spec spec;

        AdminField(Spec spec) {
            this.spec = spec;
        }

        public Spec spec() {
            return spec;
        }

        public Object get(AdminConfig a) {
            return switch (this) {
                case ENABLED -> a.enabled();
                case HOST -> a.host();
                case PORT -> a.port();
            };
        }

        public AdminConfig.Builder set(AdminConfig.Builder b, Object v) {
            return switch (this) {
                case ENABLED -> b.enabled((Boolean) v);
                case HOST -> b.host((String) v);
                case PORT -> b.port((Integer) v);
            };
        }
    }

    private enum PinningField implements Field<PinningConfig, PinningConfig.Builder> {
        ENABLED(Spec.optional("enabled", FLAG)),
        THRESHOLD(Spec.optional("threshold", new Time(Durations.Kind.THRESHOLD)));

        private final Spec spec;

        PinningField(Spec spec) {
            this.spec = spec;
        }

        public Spec spec() {
            return spec;
        }

        public Object get(PinningConfig p) {
            return switch (this) {
                case ENABLED -> p.enabled();
                case THRESHOLD -> p.threshold();
            };
        }

        public PinningConfig.Builder set(PinningConfig.Builder b, Object v) {
            return switch (this) {
                case ENABLED -> b.enabled((Boolean) v);
                case THRESHOLD -> b.threshold((Duration) v);
            };
        }
    }

    private enum ServiceField implements Field<ServiceConfig, ServiceConfig.Builder> {
        NAME(Spec.required("name", TEXT, "")),
        PROTOCOL(Spec.required("protocol", new Choice<>(Protocol.class), "(echo or calc)")),
        TRANSPORT(Spec.required("transport", new Choice<>(Transport.class), "(tcp or udp)")),
        HOST(Spec.optional("host", TEXT)),
        PORT(Spec.required("port", WHOLE, "(0 picks a free port)")),
        MODE(Spec.optional("mode", new Choice<>(Mode.class))),
        BACKLOG(Spec.optional("backlog", WHOLE)),
        MAX_CONNECTIONS(Spec.optional("maxConnections", WHOLE)),
        MAX_CONNECTIONS_PER_CLIENT(Spec.optional("maxConnectionsPerClient", WHOLE)),
        READ_TIMEOUT(Spec.optional("readTimeout", new Time(Durations.Kind.LIMIT))),
        PROXY_PROTOCOL(Spec.optional("proxyProtocol", FLAG)),
        TRUSTED_PROXIES(Spec.optional("trustedProxies", TEXTS)),
        ORDER(Spec.optional("order", new Choice<>(WireOrder.class))),
        MAX_DIGITS(Spec.optional("maxDigits", WHOLE)),
        REQUEST_DEADLINE(Spec.optional("requestDeadline", new Time(Durations.Kind.LIMIT))),
        TRACE(Spec.optional("trace", FLAG));

        private final Spec spec;

        ServiceField(Spec spec) {
            this.spec = spec;
        }

        public Spec spec() {
            return spec;
        }

        public Object get(ServiceConfig s) {
            return switch (this) {
                case NAME -> s.name();
                case PROTOCOL -> s.protocol();
                case TRANSPORT -> s.transport();
                case HOST -> s.host();
                case PORT -> s.port();
                case MODE -> s.mode();
                case BACKLOG -> s.backlog();
                case MAX_CONNECTIONS -> s.maxConnections();
                case MAX_CONNECTIONS_PER_CLIENT -> s.maxConnectionsPerClient();
                case READ_TIMEOUT -> s.readTimeout();
                case PROXY_PROTOCOL -> s.proxyProtocol();
                case TRUSTED_PROXIES -> s.trustedProxies();
                case ORDER -> s.order();
                case MAX_DIGITS -> s.maxDigits();
                case REQUEST_DEADLINE -> s.requestDeadline();
                case TRACE -> s.trace();
            };
        }

        @SuppressWarnings("unchecked") // the reader gives the list its Texts kind reads
        public ServiceConfig.Builder set(ServiceConfig.Builder b, Object v) {
            return switch (this) {
                case NAME -> b.name((String) v);
                case PROTOCOL -> b.protocol((Protocol) v);
                case TRANSPORT -> b.transport((Transport) v);
                case HOST -> b.host((String) v);
                case PORT -> b.port((Integer) v);
                case MODE -> b.mode((Mode) v);
                case BACKLOG -> b.backlog((Integer) v);
                case MAX_CONNECTIONS -> b.maxConnections((Integer) v);
                case MAX_CONNECTIONS_PER_CLIENT -> b.maxConnectionsPerClient((Integer) v);
                case READ_TIMEOUT -> b.readTimeout((Duration) v);
                case PROXY_PROTOCOL -> b.proxyProtocol((Boolean) v);
                case TRUSTED_PROXIES -> b.trustedProxies((List<String>) v);
                case ORDER -> b.order((WireOrder) v);
                case MAX_DIGITS -> b.maxDigits((Integer) v);
                case REQUEST_DEADLINE -> b.requestDeadline((Duration) v);
                case TRACE -> b.trace((Boolean) v);
            };
        }

        /** A TCP service shows its connection fields, a UDP one its byte order; calc over TCP its request limits. */
        @Override
        public boolean written(ServiceConfig s) {
            boolean tcp = s.transport() == Transport.TCP;
            return switch (this) {
                case NAME, PROTOCOL, TRANSPORT, HOST, PORT -> true;
                case MODE, BACKLOG, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT, READ_TIMEOUT -> tcp;
                // The PROXY protocol's fields are written for a TCP service that has either.
                case PROXY_PROTOCOL, TRUSTED_PROXIES -> tcp && (s.proxyProtocol() || !s.trustedProxies().isEmpty());
                case ORDER -> !tcp;
                case MAX_DIGITS, REQUEST_DEADLINE -> tcp && s.protocol() == Protocol.CALC;
                case TRACE -> s.trace();
            };
        }
    }
}
