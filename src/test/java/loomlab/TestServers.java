package loomlab;

import java.net.InetSocketAddress;
import java.util.List;
import loomlab.config.Mode;
import loomlab.config.Protocol;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.config.WireOrder;
import loomlab.server.Server;

/** Starts real servers on ephemeral ports (port 0) for tests; never a fixed port. */
public final class TestServers {

    private TestServers() { }

    public static ServiceConfig echo(Mode mode) {
        return ServiceConfig.of("echo", Protocol.ECHO, Transport.TCP, "127.0.0.1", 0).withMode(mode);
    }

    public static ServiceConfig calc(Mode mode) {
        return ServiceConfig.of("calc-" + mode.name().toLowerCase(), Protocol.CALC, Transport.TCP, "127.0.0.1", 0).withMode(mode);
    }

    public static ServiceConfig udpCalc(WireOrder order) {
        return ServiceConfig.of("udp-" + order.name().toLowerCase(), Protocol.CALC, Transport.UDP, "127.0.0.1", 0).withOrder(order);
    }

    public static ServerConfig config(ServiceConfig... services) {
        return new ServerConfig(ServerConfig.DEFAULT_LOG_LEVEL, ServerConfig.DEFAULT_SHUTDOWN_GRACE,
                ServerConfig.DEFAULT_STATS_INTERVAL, loomlab.config.AdminConfig.DEFAULT, List.of(services));
    }

    /** Starts the services; close the returned server in a finally or @AfterEach. */
    public static Server start(ServiceConfig... services) {
        try {
            return Server.start(config(services));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address of the only (or first) service. */
    public static InetSocketAddress address(Server server) {
        return server.listeners().get(0).address();
    }
}
