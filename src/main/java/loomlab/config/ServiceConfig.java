package loomlab.config;

import java.time.Duration;
import java.util.List;

/**
 * One service: a protocol on a transport at an address. Immutable; checked by
 * {@link ConfigValidator}, never by its users.
 *
 * @param mode      TCP only: how connections run
 * @param order     UDP only: byte order of the calc integers
 * @param backlog   TCP only: listen backlog (the OS caps it at net.core.somaxconn)
 * @param readTimeout a connection that sends nothing for this long is closed (calc replies ERROR)
 * @param maxConnections concurrent connections of this service; more wait in the backlog
 * @param maxConnectionsPerClient concurrent connections from one client address; 0 = no limit
 * @param maxDigits calc: the longest number accepted, in digits (Python's default is 4300)
 * @param requestDeadline calc: the whole request must arrive within this time
 * @param proxyProtocol TCP only: every connection comes from a balancer in {@code trustedProxies}
 *                      and starts with a PROXY protocol header (v1 or v2) naming the real client
 * @param trustedProxies the balancers' addresses or address blocks ("10.0.0.0/8"); connections
 *                      from anywhere else are refused while {@code proxyProtocol} is on
 * @param trace     keep the last exchanges (client, bytes each way, how they ended) in a bounded
 *                  ring for the admin endpoint's {@code /traces} and the dashboard
 */
public record ServiceConfig(
        String name,
        Protocol protocol,
        Transport transport,
        String host,
        int port,
        Mode mode,
        WireOrder order,
        int backlog,
        Duration readTimeout,
        int maxConnections,
        int maxConnectionsPerClient,
        int maxDigits,
        Duration requestDeadline,
        boolean proxyProtocol,
        List<String> trustedProxies,
        boolean trace) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Mode DEFAULT_MODE = Mode.VIRTUAL;
    public static final WireOrder DEFAULT_ORDER = WireOrder.LITTLE;
    public static final int DEFAULT_BACKLOG = 4096;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 0;
    public static final int DEFAULT_MAX_DIGITS = 4300;
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

    public ServiceConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /**
     * A builder with every optional field at its default; name, protocol and transport are null
     * and port 0 until set (the config reader sets them, or reports them missing).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this service's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder().name(name).protocol(protocol).transport(transport).host(host).port(port).mode(mode)
                .order(order).backlog(backlog).readTimeout(readTimeout).maxConnections(maxConnections)
                .maxConnectionsPerClient(maxConnectionsPerClient).maxDigits(maxDigits).requestDeadline(requestDeadline)
                .proxyProtocol(proxyProtocol).trustedProxies(trustedProxies).trace(trace);
    }

    /** "echo (echo/tcp)": the name, then the protocol and transport; no address (see the start-up line for that). */
    public String describe() {
        return name + " (" + protocol.name().toLowerCase() + "/" + transport.name().toLowerCase() + ")";
    }

    /** Sets fields one by one; {@link #build} makes the record. Starts at the defaults above. */
    public static final class Builder {
        private String name;
        private Protocol protocol;
        private Transport transport;
        private String host = DEFAULT_HOST;
        private int port;
        private Mode mode = DEFAULT_MODE;
        private WireOrder order = DEFAULT_ORDER;
        private int backlog = DEFAULT_BACKLOG;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerClient = DEFAULT_MAX_CONNECTIONS_PER_CLIENT;
        private int maxDigits = DEFAULT_MAX_DIGITS;
        private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
        private boolean proxyProtocol;
        private List<String> trustedProxies = List.of();
        private boolean trace;

        private Builder() { }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder protocol(Protocol value) {
            protocol = value;
            return this;
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder mode(Mode value) {
            mode = value;
            return this;
        }

        public Builder order(WireOrder value) {
            order = value;
            return this;
        }

        public Builder backlog(int value) {
            backlog = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder maxConnectionsPerClient(int value) {
            maxConnectionsPerClient = value;
            return this;
        }

        public Builder maxDigits(int value) {
            maxDigits = value;
            return this;
        }

        public Builder requestDeadline(Duration value) {
            requestDeadline = value;
            return this;
        }

        public Builder proxyProtocol(boolean value) {
            proxyProtocol = value;
            return this;
        }

        public Builder trustedProxies(List<String> value) {
            trustedProxies = value;
            return this;
        }

        public Builder trace(boolean value) {
            trace = value;
            return this;
        }

        public ServiceConfig build() {
            return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog, readTimeout,
                    maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
        }
    }
}
