package loomlab.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;

/**
 * At start-up: how many files the process may open, and whether that covers what the connection
 * limits allow. Every TCP connection is one descriptor; when they run out, accept fails with
 * "Too many open files" and the accept loop backs off until connections close, which is safe but
 * turns clients away, so a config that promises more than the limit allows deserves a warning.
 */
public final class FdLimitCheck {

    /**
     * Descriptors the JVM and loomlab use besides connections when nothing is measured: jars,
     * listeners, epoll, JFR. Also the smallest {@code reservedFds} with which JFR may run.
     */
    public static final int SPARE = 64;

    private FdLimitCheck() { }

    /** Connections the config allows at once, summed over TCP services (a serial service holds one). */
    public static long connectionsAllowed(ServerConfig config) {
        long sum = 0;
        for (ServiceConfig s : config.services()) {
            if (s.transport() == Transport.TCP) sum += connectionsAtOnce(s);
        }
        return sum;
    }

    private static int connectionsAtOnce(ServiceConfig s) {
        return ConnectionRunner.of(s.mode()).connectionsAtOnce(s.maxConnections());
    }

    /**
     * How many connections all TCP services together may hold so that the {@code reserve} stays
     * free for the admin endpoint, the JVM and what it opens later; empty when the limit covers
     * every connection the config allows, when it is unknown, or when nothing is reserved.
     */
    public static OptionalLong connectionBudget(ServerConfig config, long limit, FdReserve reserve) {
        if (limit < 0 || reserve.none()) return OptionalLong.empty();
        long budget = limit - reserve.total();
        if (budget >= connectionsAllowed(config)) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, budget));
    }

    /**
     * Whether the process may run out of descriptors by the config's own connections: the limit
     * is below what the connection limits need, and {@code reservedFds} keeps fewer than
     * {@link #SPARE} for the rest of the JVM. JFR then must not run: when it cannot create its
     * next chunk file it stops the whole JVM ("An irrecoverable error in Jfr").
     */
    public static boolean mayRunOut(ServerConfig config, long limit) {
        return limit >= 0 && limit < connectionsAllowed(config) + SPARE && config.reservedFds() < SPARE;
    }

    /** Logs the limit (INFO) and, when it is too low for the config, a WARNING saying what happens and what to do. */
    public static void log(ServerConfig config, long limit, FdReserve reserve, Logger log) {
        if (limit < 0) {
            log.log(Level.INFO, "open files limit: unknown on this platform");
            return;
        }
        long connections = connectionsAllowed(config);
        long kept = reserve.none() ? SPARE : reserve.total();
        long needed = connections + kept;
        if (limit >= needed) {
            log.log(Level.INFO, "open files limit: " + limit + " (the connection limits need up to " + needed + ")");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (ServiceConfig s : config.services()) {
            if (s.transport() == Transport.TCP) {
                parts.add(s.name() + " " + connectionsAtOnce(s));
            }
        }
        OptionalLong budget = connectionBudget(config, limit, reserve);
        String what = budget.isPresent()
                ? "at most " + budget.getAsLong() + " connections at once across all services (the limit minus " + reserve.total()
                  + " kept free); more wait in the backlog, so the admin endpoint and the JVM keep descriptors."
                : "beyond about " + Math.max(0, limit - SPARE) + " connections, accept fails with 'Too many open files' and"
                  + " the server backs off until connections close.";
        String keptWhy = reserve.none() ? SPARE + " for the JVM" : reserve.parts();
        log.log(Level.WARNING, "open files limit is " + limit + ", below the " + needed + " the connection limits may need ("
                + String.join(" + ", parts) + " + " + keptWhy + "): " + what
                + " Raise the limit (ulimit -n) or lower maxConnections.");
    }
}
