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

    /** A service without tracing (the fields that existed before it). */
    public ServiceConfig(String name, Protocol protocol, Transport transport, String host, int port, Mode mode,
            WireOrder order, int backlog, Duration readTimeout, int maxConnections, int maxConnectionsPerClient,
            int maxDigits, Duration requestDeadline, boolean proxyProtocol, List<String> trustedProxies) {
        this(name, protocol, transport, host, port, mode, order, backlog, readTimeout, maxConnections,
                maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, false);
    }

    /** A service without the PROXY protocol (the fields that existed before it). */
    public ServiceConfig(String name, Protocol protocol, Transport transport, String host, int port, Mode mode,
            WireOrder order, int backlog, Duration readTimeout, int maxConnections, int maxConnectionsPerClient,
            int maxDigits, Duration requestDeadline) {
        this(name, protocol, transport, host, port, mode, order, backlog, readTimeout, maxConnections,
                maxConnectionsPerClient, maxDigits, requestDeadline, false, List.of());
    }

    /** A service with every optional field at its default. */
    public static ServiceConfig of(String name, Protocol protocol, Transport transport, String host, int port) {
        return new ServiceConfig(name, protocol, transport, host, port, DEFAULT_MODE, DEFAULT_ORDER,
                DEFAULT_BACKLOG, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_MAX_DIGITS, DEFAULT_REQUEST_DEADLINE);
    }

    public ServiceConfig withMode(Mode newMode) {
        return new ServiceConfig(name, protocol, transport, host, port, newMode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withName(String newName) {
        return new ServiceConfig(newName, protocol, transport, host, port, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withPort(int newPort) {
        return new ServiceConfig(name, protocol, transport, host, newPort, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withHost(String newHost) {
        return new ServiceConfig(name, protocol, transport, newHost, port, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withOrder(WireOrder newOrder) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, newOrder, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withReadTimeout(Duration timeout) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog,
                timeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withRequestDeadline(Duration deadline) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, deadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withConnectionLimits(int max, int maxPerClient) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog,
                readTimeout, max, maxPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, trace);
    }

    public ServiceConfig withProxyProtocol(boolean on, List<String> trusted) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, on, trusted, trace);
    }

    public ServiceConfig withTrace(boolean on) {
        return new ServiceConfig(name, protocol, transport, host, port, mode, order, backlog,
                readTimeout, maxConnections, maxConnectionsPerClient, maxDigits, requestDeadline, proxyProtocol, trustedProxies, on);
    }

    /** "echo tcp 127.0.0.1:10000" */
    public String describe() {
        return name + " (" + protocol.name().toLowerCase() + "/" + transport.name().toLowerCase() + ")";
    }
}
