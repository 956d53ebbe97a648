package loomlab.load.demo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import loomlab.config.AdminConfig;
import loomlab.config.LogLevel;
import loomlab.config.Mode;
import loomlab.config.Protocol;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.load.Workload;
import loomlab.server.Listener;
import loomlab.server.Server;
import loomlab.server.StartupException;

/**
 * The demo's servers in this process: the same protocol once per mode, each on an ephemeral
 * loopback port, all from one {@link Server} exactly as {@code loomlab serve} would run them.
 */
final class InProcessServers implements AutoCloseable {

    private final Server server;

    private InProcessServers(Server server) {
        this.server = server;
    }

    static InProcessServers start(Workload workload, List<Mode> modes) throws StartupException {
        Protocol protocol = workload == Workload.ECHO ? Protocol.ECHO : Protocol.CALC;
        List<ServiceConfig> services = modes.stream()
                .map(m -> ServiceConfig.of(name(workload, m), protocol, Transport.TCP, "127.0.0.1", 0).withMode(m))
                .toList();
        ServerConfig config = new ServerConfig(LogLevel.WARNING, Duration.ofSeconds(1), Duration.ZERO,
                AdminConfig.DEFAULT, services);
        return new InProcessServers(Server.start(config));
    }

    private static String name(Workload workload, Mode mode) {
        return workload.label() + "-" + mode.name().toLowerCase(Locale.ROOT);
    }

    Listener listener(Mode mode) {
        return server.listeners().stream().filter(l -> l.config().mode() == mode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server for mode " + mode));
    }

    InetSocketAddress address(Mode mode) {
        return listener(mode).address();
    }

    @Override
    public void close() {
        server.close();
    }
}
