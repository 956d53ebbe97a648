package loomlab.admin;

import java.net.InetSocketAddress;
import java.time.Duration;
import loomlab.TestServers;
import loomlab.config.AdminConfig;
import loomlab.config.Mode;
import loomlab.config.PinningConfig;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.WireOrder;
import loomlab.metrics.ServiceStats;
import loomlab.server.Server;

/** echo, calc and udp calc (or the services given) on free ports, with the admin endpoint on a free port too. */
final class ObservedServer implements AutoCloseable {

    final Server server;
    final Observability observability;

    ObservedServer() throws Exception {
        this(TestServers.echo(Mode.VIRTUAL),
                TestServers.calc(Mode.VIRTUAL).toBuilder().name("calc").build(),
                TestServers.udpCalc(WireOrder.LITTLE).toBuilder().name("calc-udp").build());
    }

    /** These services instead. */
    ObservedServer(ServiceConfig... services) throws Exception {
        ServerConfig config = TestServers.config(services)
                .toBuilder().admin(new AdminConfig(true, "127.0.0.1", 0))
                .pinning(new PinningConfig(false, Duration.ofMillis(20))).build();
        server = Server.start(config);
        try {
            observability = Observability.start(server, "test");
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    InetSocketAddress admin() {
        return observability.adminAddress().orElseThrow();
    }

    InetSocketAddress address(String service) {
        return server.address(service);
    }

    ServiceStats stats(String service) {
        return server.listener(service).orElseThrow().stats();
    }

    @Override
    public void close() {
        observability.close();
        server.close();
    }
}
