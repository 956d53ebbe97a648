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
        return service("echo", Protocol.ECHO, Transport.TCP).mode(mode).build();
    }

    public static ServiceConfig calc(Mode mode) {
        return service("calc-" + mode.name().toLowerCase(), Protocol.CALC, Transport.TCP).mode(mode).build();
    }

    public static ServiceConfig udpCalc(WireOrder order) {
        return service("udp-" + order.name().toLowerCase(), Protocol.CALC, Transport.UDP).order(order).build();
    }

    public static ServerConfig config(ServiceConfig... services) {
        return ServerConfig.builder().services(List.of(services)).build();
    }

    private static ServiceConfig.Builder service(String name, Protocol protocol, Transport transport) {
        return ServiceConfig.builder().name(name).protocol(protocol).transport(transport).host("127.0.0.1").port(0);
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
