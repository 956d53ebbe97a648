package loomlab.server;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import loomlab.admin.AdminLimits;
import loomlab.config.Durations;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.log.Logging;
import loomlab.metrics.ProcessMetrics;
import loomlab.net.Sockets;

/**
 * The running server: all services of a config in one process. Starting binds every service
 * first (so a port in use is reported, and everything already opened closed, before anything
 * serves), then starts their loops. Stopping is graceful: no new work, a grace period for work
 * in progress, then whatever is left is cut.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = System.getLogger("loomlab.server");
    /** How long the threads of connections cut after the grace period get to finish counting. */
    private static final Duration UNWIND = Duration.ofSeconds(2);

    private final ServerConfig config;
    private final List<Listener> listeners;
    private final long fdLimit;
    private final FdReserve fdReserve;

    private Server(ServerConfig config, List<Listener> listeners, long fdLimit, FdReserve fdReserve) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.fdLimit = fdLimit;
        this.fdReserve = fdReserve;
    }

    public static Server start(ServerConfig config) throws StartupException {
        long fdLimit = ProcessMetrics.maxFds();
        long adminShare = 0;
        if (config.admin().enabled()) {
            try {
                adminShare = AdminLimits.fromSystemProperties(fdLimit).descriptors();
            } catch (IllegalArgumentException e) {
                throw new StartupException("cannot start the admin endpoint: " + e.getMessage(), e);
            }
        }
        ConnectionBudget budget = ConnectionBudget.unsettled();
        List<Listener> bound = new ArrayList<>();
        for (ServiceConfig service : config.services()) {
            try {
                bound.add(Services.listener(service, budget));
            } catch (IOException e) {
                bound.forEach(Listener::close);
                throw new StartupException(startupProblem(service, e), e);
            }
        }
        // Measured with every service bound and none accepting yet: the budget keeps what the
        // process holds now, the admin endpoint's share and reservedFds free of connections.
        FdReserve reserve = FdReserve.measure(config, adminShare);
        OptionalLong size = FdLimitCheck.connectionBudget(config, fdLimit, reserve);
        budget.settle(size.orElse(0));
        for (Listener l : bound) {
            l.start();
            LOG.log(Level.INFO, "serving " + l.config().describe() + " on " + l.config().transport().name().toLowerCase()
                    + " " + Sockets.describe(l.address())
                    + (l.config().transport() == Transport.TCP ? ", mode " + l.config().mode().name().toLowerCase()
                            + ConnectionRunner.of(l.config().mode()).note()
                            : ", byte order " + l.config().order().name().toLowerCase()));
        }
        if (bound.stream().allMatch(l -> l.address().getAddress().isLoopbackAddress())) {
            LOG.log(Level.INFO, "listening on loopback only: to accept remote clients, set \"host\": \"0.0.0.0\" (or \"::\")"
                    + " in a config file (start from --print-config) and run with --config FILE");
        }
        return new Server(config, bound, fdLimit, reserve);
    }

    private static String startupProblem(ServiceConfig s, IOException e) {
        String where = s.transport().name().toLowerCase() + " " + s.host() + ":" + s.port();
        if (e instanceof BindException) {
            return "cannot start service '" + s.name() + "': " + where + " is not available (" + e.getMessage()
                    + "): another program, or another loomlab, already uses it; stop it or choose another port";
        }
        return "cannot start service '" + s.name() + "' on " + where + ": " + e.getMessage();
    }

    public ServerConfig config() {
        return config;
    }

    public List<Listener> listeners() {
        return listeners;
    }

    /** The open files limit at start (-1: unknown) and the descriptors kept from connections. */
    public long fdLimit() {
        return fdLimit;
    }

    public FdReserve fdReserve() {
        return fdReserve;
    }

    public Optional<Listener> listener(String name) {
        return listeners.stream().filter(l -> l.config().name().equals(name)).findFirst();
    }

    /** The bound address of a service, by name (the real port when the config said 0). */
    public InetSocketAddress address(String name) {
        return listener(name).orElseThrow(() -> new IllegalArgumentException("no service " + name)).address();
    }

    /**
     * Graceful stop: stop accepting, give connections in progress {@code grace} (at most
     * {@link Durations#MAX}) to finish, then close what is left; one summary line per service.
     * Returns true if nothing was cut. An interrupt (a second stop signal) ends the grace at once.
     * A listener that fails to stop is logged and closed; the others stop all the same.
     */
    public boolean shutdown(Duration grace) {
        Duration bounded = grace.isNegative() ? Duration.ZERO : grace.compareTo(Durations.MAX) > 0 ? Durations.MAX : grace;
        long deadline = System.nanoTime() + bounded.toNanos();
        for (Listener l : listeners) {
            try {
                l.shutdown(deadline);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "service '" + l.config().name() + "' failed to stop accepting; closing it", e);
            }
        }
        boolean clean = true;
        for (Listener l : listeners) {
            try {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (Thread.currentThread().isInterrupted() || !l.awaitIdle(left)) {
                    clean = false;
                    Logging.service(l.config().name()).log(Level.WARNING, (Thread.currentThread().isInterrupted()
                            ? "stopping now" : "grace period of " + Durations.format(bounded) + " over")
                            + ": closing " + l.stats().active() + " connection(s) still open");
                    l.close();
                    // The cut connections' threads unwind (and count) before the summary below.
                    if (!Thread.currentThread().isInterrupted()) l.awaitIdle(UNWIND);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clean = false;
                Logging.service(l.config().name()).log(Level.WARNING, "stopping now: closing " + l.stats().active()
                        + " connection(s) still open");
            } catch (RuntimeException | Error e) {
                clean = false;
                LOG.log(Level.ERROR, "service '" + l.config().name() + "' failed while stopping; closing it", e);
            }
            try {
                l.close();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "service '" + l.config().name() + "' failed to close", e);
            }
        }
        for (Listener l : listeners) {
            try {
                var s = l.stats();
                String what = l.config().transport() == Transport.TCP
                        ? s.accepted() + " connections, " + s.requests() + " requests"
                        : s.requests() + " requests";
                Logging.service(l.config().name()).log(Level.INFO, "stopped: served " + what + ", " + s.errors() + " errors"
                        + (s.rejected() > 0 ? ", " + s.rejected() + " rejected" : ""));
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "service '" + l.config().name() + "': no summary", e);
            }
        }
        return clean;
    }

    @Override
    public void close() {
        listeners.forEach(Listener::close);
    }
}
