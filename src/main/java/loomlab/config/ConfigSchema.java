package loomlab.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The config file's fields, declared once. For each object (the config, {@code admin},
 * {@code pinning}, a service) its fields in the order {@code --print-config} writes them, each
 * with its JSON name, its kind of value, where it goes in the record's builder, where the writer
 * finds it in the record and when the writer writes it. {@link ConfigReader} reads by these
 * declarations (the known fields of its messages are their names), {@link ConfigWriter} writes by
 * them, and {@code ConfigSchemaDocsTest} holds docs/configuration.md to them. A field's default is
 * where its builder starts (the records' {@code DEFAULT} constants). What a value means (ranges,
 * clashes, what fits which transport) is checked in one place, {@link ConfigValidator}.
 *
 * <p>Adding a field: the record component and its builder setter, one line here, a row in
 * docs/configuration.md, and a check in the validator if it has a range.
 */
final class ConfigSchema {

    private ConfigSchema() { }

    /** What kind of value a field holds: how the reader takes it and the writer spells it. */
    sealed interface Value<T> permits Text, Whole, Flag, Choice, Time, Texts, Nested, Entries { }

    /** A JSON string. */
    record Text() implements Value<String> { }

    /** A JSON number that fits an int. */
    record Whole() implements Value<Integer> { }

    /** true or false. */
    record Flag() implements Value<Boolean> { }

    /** One of an enum's constants, written in lower case, read in any case. */
    record Choice<E extends Enum<E>>(Class<E> type) implements Value<E> { }

    /** A duration ("30s", "500ms" or a number of seconds) of a kind, whose range the reader checks. */
    record Time(Durations.Kind kind) implements Value<Duration> { }

    /** A list of strings. */
    record Texts() implements Value<List<String>> { }

    /** An object of its own fields. */
    record Nested<T>(Shape<T, ?> shape) implements Value<T> { }

    /**
     * A list of objects of one shape; {@code entry} is what a message calls one ("service"), named
     * by its field {@code namedBy} when that could be read ("service 'calc'"), else by its number.
     */
    record Entries<T>(Shape<T, ?> shape, String entry, String namedBy) implements Value<List<T>> { }

    /**
     * One field of an object.
     *
     * @param name     as written in the file
     * @param value    its kind of value
     * @param get      where the writer finds it in the record
     * @param set      where the reader puts it in the builder
     * @param required null when the field may be left out (it keeps the builder's default); else
     *                 the words after "missing field 'NAME'" ("" for none)
     * @param written  whether the writer writes it for this record (fields that do not fit a
     *                 service's transport or protocol are left out)
     */
    record Field<R, B, T>(String name, Value<T> value, Function<R, T> get, BiConsumer<B, T> set, String required,
                          Predicate<R> written) { }

    /**
     * An object of the config.
     *
     * @param what    how messages call it: "the config", "'admin'", "a service"
     * @param builder a builder at the defaults
     * @param build   the record from a builder
     * @param fields  in the order the writer writes them
     */
    record Shape<R, B>(String what, Supplier<B> builder, Function<B, R> build, List<Field<R, B, ?>> fields) {

        Shape {
            fields = List.copyOf(fields);
        }

        /** The known field names, for the reader and its messages. */
        Set<String> names() {
            return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
        }

        Field<R, B, ?> field(String name) {
            for (Field<R, B, ?> f : fields) {
                if (f.name().equals(name)) return f;
            }
            return null;
        }

        /** The record every field of which is at its default (required fields null or 0). */
        R defaults() {
            return build.apply(builder.get());
        }
    }

    private static final Text TEXT = new Text();
    private static final Whole WHOLE = new Whole();
    private static final Flag FLAG = new Flag();
    private static final Texts TEXTS = new Texts();

    static final Shape<AdminConfig, AdminConfig.Builder> ADMIN = new Fields<AdminConfig, AdminConfig.Builder>()
            .optional("enabled", FLAG, AdminConfig::enabled, AdminConfig.Builder::enabled)
            .optional("host", TEXT, AdminConfig::host, AdminConfig.Builder::host)
            .optional("port", WHOLE, AdminConfig::port, AdminConfig.Builder::port)
            .shape("'admin'", AdminConfig::builder, AdminConfig.Builder::build);

    static final Shape<PinningConfig, PinningConfig.Builder> PINNING = new Fields<PinningConfig, PinningConfig.Builder>()
            .optional("enabled", FLAG, PinningConfig::enabled, PinningConfig.Builder::enabled)
            .optional("threshold", new Time(Durations.Kind.THRESHOLD), PinningConfig::threshold, PinningConfig.Builder::threshold)
            .shape("'pinning'", PinningConfig::builder, PinningConfig.Builder::build);

    private static final Predicate<ServiceConfig> TCP = s -> s.transport() == Transport.TCP;
    private static final Predicate<ServiceConfig> CALC_TCP = TCP.and(s -> s.protocol() == Protocol.CALC);
    /** The PROXY protocol's fields are written for a TCP service that has either. */
    private static final Predicate<ServiceConfig> PROXIED = TCP.and(s -> s.proxyProtocol() || !s.trustedProxies().isEmpty());

    static final Shape<ServiceConfig, ServiceConfig.Builder> SERVICE = new Fields<ServiceConfig, ServiceConfig.Builder>()
            .required("name", TEXT, ServiceConfig::name, ServiceConfig.Builder::name, "")
            .required("protocol", new Choice<>(Protocol.class), ServiceConfig::protocol, ServiceConfig.Builder::protocol,
                    "(echo or calc)")
            .required("transport", new Choice<>(Transport.class), ServiceConfig::transport, ServiceConfig.Builder::transport,
                    "(tcp or udp)")
            .optional("host", TEXT, ServiceConfig::host, ServiceConfig.Builder::host)
            .required("port", WHOLE, ServiceConfig::port, ServiceConfig.Builder::port, "(0 picks a free port)")
            .when(TCP, "mode", new Choice<>(Mode.class), ServiceConfig::mode, ServiceConfig.Builder::mode)
            .when(TCP, "backlog", WHOLE, ServiceConfig::backlog, ServiceConfig.Builder::backlog)
            .when(TCP, "maxConnections", WHOLE, ServiceConfig::maxConnections, ServiceConfig.Builder::maxConnections)
            .when(TCP, "maxConnectionsPerClient", WHOLE, ServiceConfig::maxConnectionsPerClient,
                    ServiceConfig.Builder::maxConnectionsPerClient)
            .when(TCP, "readTimeout", new Time(Durations.Kind.LIMIT), ServiceConfig::readTimeout,
                    ServiceConfig.Builder::readTimeout)
            .when(PROXIED, "proxyProtocol", FLAG, ServiceConfig::proxyProtocol, ServiceConfig.Builder::proxyProtocol)
            .when(PROXIED, "trustedProxies", TEXTS, ServiceConfig::trustedProxies, ServiceConfig.Builder::trustedProxies)
            .when(TCP.negate(), "order", new Choice<>(WireOrder.class), ServiceConfig::order, ServiceConfig.Builder::order)
            .when(CALC_TCP, "maxDigits", WHOLE, ServiceConfig::maxDigits, ServiceConfig.Builder::maxDigits)
            .when(CALC_TCP, "requestDeadline", new Time(Durations.Kind.LIMIT), ServiceConfig::requestDeadline,
                    ServiceConfig.Builder::requestDeadline)
            .when(ServiceConfig::trace, "trace", FLAG, ServiceConfig::trace, ServiceConfig.Builder::trace)
            .shape("a service", ServiceConfig::builder, ServiceConfig.Builder::build);

    static final Shape<ServerConfig, ServerConfig.Builder> SERVER = new Fields<ServerConfig, ServerConfig.Builder>()
            .optional("logLevel", new Choice<>(LogLevel.class), ServerConfig::logLevel, ServerConfig.Builder::logLevel)
            .optional("shutdownGrace", new Time(Durations.Kind.GRACE), ServerConfig::shutdownGrace,
                    ServerConfig.Builder::shutdownGrace)
            .optional("statsInterval", new Time(Durations.Kind.INTERVAL), ServerConfig::statsInterval,
                    ServerConfig.Builder::statsInterval)
            .optional("admin", new Nested<>(ADMIN), ServerConfig::admin, ServerConfig.Builder::admin)
            .optional("pinning", new Nested<>(PINNING), ServerConfig::pinning, ServerConfig.Builder::pinning)
            .optional("reservedFds", WHOLE, ServerConfig::reservedFds, ServerConfig.Builder::reservedFds)
            .required("services", new Entries<>(SERVICE, "service", "name"), ServerConfig::services,
                    ServerConfig.Builder::services, "(a list of services to run)")
            .shape("the config", ServerConfig::builder, ServerConfig.Builder::build);

    /** Collects the fields of one shape in order; reads as the table it is. */
    private static final class Fields<R, B> {
        private final List<Field<R, B, ?>> fields = new ArrayList<>();

        <T> Fields<R, B> required(String name, Value<T> value, Function<R, T> get, BiConsumer<B, T> set, String why) {
            fields.add(new Field<>(name, value, get, set, why, r -> true));
            return this;
        }

        <T> Fields<R, B> optional(String name, Value<T> value, Function<R, T> get, BiConsumer<B, T> set) {
            fields.add(new Field<>(name, value, get, set, null, r -> true));
            return this;
        }

        <T> Fields<R, B> when(Predicate<R> written, String name, Value<T> value, Function<R, T> get, BiConsumer<B, T> set) {
            fields.add(new Field<>(name, value, get, set, null, written));
            return this;
        }

        Shape<R, B> shape(String what, Supplier<B> builder, Function<B, R> build) {
            return new Shape<>(what, builder, build, fields);
        }
    }
}
