package loomlab.admin;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import loomlab.config.AdminConfig;
import loomlab.config.Mode;
import loomlab.config.ServerConfig;
import loomlab.metrics.PinnedThreadWatch;
import loomlab.metrics.ProcessMetrics;
import loomlab.net.Sockets;
import loomlab.server.FdLimitCheck;
import loomlab.server.Server;
import loomlab.server.StartupException;

/**
 * Everything that watches a running server, started next to it by {@code loomlab serve}: the
 * file-descriptor check, the stats line, pinned-thread warnings and the admin endpoint. None of
 * it touches a connection's path; it only reads the services' counters.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOG = System.getLogger("loomlab.admin");

    private final StatsLine statsLine;
    private final PinnedThreadWatch pinning;
    private final AdminServer admin;

    private Observability(StatsLine statsLine, PinnedThreadWatch pinning, AdminServer admin) {
        this.statsLine = statsLine;
        this.pinning = pinning;
        this.admin = admin;
    }

    /** Starts what {@code server}'s config asks for; a taken admin port is a startup error. */
    public static Observability start(Server server, String version) throws StartupException {
        ServerConfig config = server.config();
        FdLimitCheck.log(config, server.fdLimit(), server.fdReserve(), System.getLogger("loomlab"));
        try {
            // Now, with descriptors to spare, for the readers of the beans: a shortage later cannot break them.
            if (config.admin().enabled() || !config.statsInterval().isZero()) ProcessMetrics.initialise();
        } catch (RuntimeException | LinkageError | InternalError e) {
            LOG.log(Level.WARNING, "the JVM's management beans are not available (" + e + "): /metrics, /status and the stats line"
                    + " show what /proc gives");
        }
        PinnedThreadWatch pinning = null;
        boolean virtual = config.services().stream().anyMatch(s -> s.mode() == Mode.VIRTUAL);
        if (config.pinning().enabled() && virtual) {
            Logger pinningLog = System.getLogger("loomlab.pinning");
            if (FdLimitCheck.mayRunOut(config, ProcessMetrics.maxFds())) {
                pinningLog.log(Level.INFO, "pinned virtual threads are not reported: with reservedFds below "
                        + FdLimitCheck.SPARE + " the server may run out of descriptors, and JFR stops the JVM when it"
                        + " cannot write its recording");
            } else {
                pinning = PinnedThreadWatch.start(config.pinning().threshold(), pinningLog);
            }
        }
        AdminServer admin = null;
        AdminConfig a = config.admin();
        if (a.enabled()) {
            try {
                AdminLimits limits = AdminLimits.fromSystemProperties(server.fdLimit());
                admin = AdminServer.start(new InetSocketAddress(InetAddress.getByName(a.host()), a.port()), limits,
                        server.listeners(), pinning, version);
            } catch (IllegalArgumentException e) {
                if (pinning != null) pinning.close();
                throw new StartupException("cannot start the admin endpoint: " + e.getMessage(), e);
            } catch (IOException e) {
                if (pinning != null) pinning.close();
                String why = e instanceof BindException
                        ? " is not available (" + e.getMessage() + "): another program uses it; choose another admin port"
                        : ": " + e.getMessage();
                throw new StartupException("cannot start the admin endpoint: tcp " + a.host() + ":" + a.port() + why, e);
            }
            InetSocketAddress at = admin.address();
            String base = "http://" + Sockets.describe(at);
            LOG.log(Level.INFO, "admin endpoint on " + base + "/ (live dashboard), " + base + "/metrics (Prometheus), "
                    + base + "/status (JSON), " + base + "/health; at most " + admin.limits().describe());
        }
        StatsLine statsLine = StatsLine.start(server.listeners(), admin == null ? null : admin.stats(), config.statsInterval());
        return new Observability(statsLine, pinning, admin);
    }

    /** Where the admin endpoint listens (the real port when the config said 0), if it runs. */
    public Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(admin).map(AdminServer::address);
    }

    public Optional<PinnedThreadWatch> pinning() {
        return Optional.ofNullable(pinning);
    }

    @Override
    public void close() {
        statsLine.close();
        if (admin != null) admin.close();
        if (pinning != null) pinning.close();
    }
}
