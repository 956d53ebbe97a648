package loomlab.server;

import loomlab.config.ServerConfig;
import loomlab.metrics.ProcessMetrics;

/**
 * The file descriptors the services' connections may not take: what the process holds once its
 * services are bound (measured, from /proc/self/fd), the admin endpoint's share (its connection
 * cap, its listening socket, one for reading /proc), and {@code reservedFds} on top for what is
 * opened later (JFR's files, the virtual-thread pollers, a log file).
 *
 * @param openAtStart descriptors open when it was measured (jars, stdio, the listening sockets)
 * @param admin       the admin endpoint's share; 0 when it is off
 * @param margin      {@code reservedFds} of the config
 */
public record FdReserve(long openAtStart, long admin, long margin) {

    /** Nothing kept: {@code reservedFds} 0 and no admin endpoint; connections may take every descriptor. */
    public static final FdReserve NONE = new FdReserve(0, 0, 0);

    public long total() {
        return openAtStart + admin + margin;
    }

    /** With {@code reservedFds} 0 and no admin endpoint nothing is kept: the documented way to let connections take all. */
    public boolean none() {
        return admin == 0 && margin == 0;
    }

    /**
     * Measures now: call it once the services are bound and before they accept. When /proc cannot
     * be read, the open descriptors count as {@link FdLimitCheck#SPARE}.
     */
    public static FdReserve measure(ServerConfig config, long adminShare) {
        if (adminShare == 0 && config.reservedFds() == 0) return NONE;
        long open = ProcessMetrics.openFds();
        return new FdReserve(open >= 0 ? open : FdLimitCheck.SPARE, adminShare, config.reservedFds());
    }

    /** "22 open at start + 34 for the admin endpoint + reservedFds 64". */
    public String parts() {
        return openAtStart + " open at start" + (admin > 0 ? " + " + admin + " for the admin endpoint" : "")
                + " + reservedFds " + margin;
    }
}
