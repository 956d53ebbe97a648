package loomlab.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import loomlab.log.Logging;
import loomlab.log.RateLimitedLog;

/**
 * A TCP service's log, and the rate-limited lines that several of its parts write: each says
 * one kind of trouble at most once per {@link #INTERVAL_MILLIS}, whoever sees it. Lines only one
 * part writes are that part's own.
 *
 * @param log     the service's logger ("loomlab.service.NAME")
 * @param limits  a client over {@code maxConnectionsPerClient}: in the accept loop, or behind a balancer in the handler
 * @param proxies a refused balancer or PROXY header: in the accept loop and the handler
 * @param upkeep  the bookkeeping that must not fail a connection: a trace record, a timeout sweep
 */
record ServiceLogs(Logger log, RateLimitedLog limits, RateLimitedLog proxies, RateLimitedLog upkeep) {

    /** Accept failures (out of file descriptors) and limit rejections: one line per this. */
    static final long INTERVAL_MILLIS = 5_000;

    static ServiceLogs of(String service) {
        return of(Logging.service(service));
    }

    static ServiceLogs of(Logger log) {
        return new ServiceLogs(log, warnings(log), warnings(log), warnings(log));
    }

    /** A warning of its own kind, at most once per interval. */
    static RateLimitedLog warnings(Logger log) {
        return new RateLimitedLog(log, Level.WARNING, INTERVAL_MILLIS);
    }
}
