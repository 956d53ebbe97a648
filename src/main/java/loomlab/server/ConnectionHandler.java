package loomlab.server;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import loomlab.config.ServiceConfig;
import loomlab.log.Logging;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.StreamProtocol;
import loomlab.protocol.TracingStream;
import loomlab.protocol.proxy.BadProxyHeader;
import loomlab.protocol.proxy.ProxyHeaderReader;

/**
 * One service's handler of connections: {@link #handle} owns one connection's life, from its
 * start on its own thread to its end, in one try/finally; whatever happens, the socket is closed,
 * the counters are updated and the limits are given back. Exceptions are sorted by who caused
 * them: a client that timed out, reset or vanished is logged at debug, the server's own failure as
 * a warning with its stack trace. One per service, shared by its connections (no object per
 * connection beyond the {@link TcpConnection}).
 */
final class ConnectionHandler {

    /**
     * A balancer sends the PROXY header at once; one that has not within this time (or the read
     * timeout, when shorter) is cut off. The specification asks for at least 3 s (a retransmit).
     */
    static final long PROXY_HEADER_TIMEOUT_MILLIS = 5_000;

    private final StreamProtocol protocol;
    private final ServiceStats stats;
    private final Logger log;
    private final ServiceLogs logs;
    private final Slots slots;
    private final ClientLimit perClient;
    private final Set<TcpConnection> open;
    /** The service's trace when {@code trace} is on, else null: then connections are not wrapped. */
    private final Tracing tracing;
    /** The readTimeout, for the log line of an idle connection. */
    private final long readTimeoutMillis;
    /** proxyProtocol: every connection starts with a PROXY header, read within this time limit (else 0). */
    private final boolean proxied;
    private final long headerTimeoutMillis;

    ConnectionHandler(ServiceConfig config, StreamProtocol protocol, ServiceStats stats, ServiceLogs logs, Slots slots,
                      ClientLimit perClient, Set<TcpConnection> open) {
        this.protocol = protocol;
        this.stats = stats;
        this.log = logs.log();
        this.logs = logs;
        this.slots = slots;
        this.perClient = perClient;
        this.open = open;
        this.tracing = config.trace() ? new Tracing(config.name(), log) : null;
        this.readTimeoutMillis = config.readTimeout().toMillis();
        this.proxied = config.proxyProtocol();
        this.headerTimeoutMillis = !proxied ? 0
                : readTimeoutMillis > 0 ? Math.min(readTimeoutMillis, PROXY_HEADER_TIMEOUT_MILLIS) : PROXY_HEADER_TIMEOUT_MILLIS;
    }

    /** The service's trace, when it is traced. */
    Tracing tracing() {
        return tracing;
    }

    /** The PROXY header's time limit (0: no header is read), which the sweeper enforces as well. */
    long headerTimeoutMillis() {
        return headerTimeoutMillis;
    }

    /** On the accept loop, before the hand-over: the connection is open, counted, and seen by the sweeper. */
    void opened(TcpConnection connection) {
        open.add(connection);
        stats.connectionOpened();
    }

    /**
     * Runs on the connection's thread: start, the PROXY header and the per-client limit behind a
     * balancer, the connection line, serve (traced or not), then {@link #end}, whatever happened.
     * {@code clientKey} is the per-client limit's key the accept loop took, or null.
     */
    void handle(TcpConnection connection, String clientKey) {
        String key = clientKey;
        TracingStream traced = null;
        long startMillis = 0;
        long startNanos = 0;
        String unexpected = null;
        try {
            connection.start();
            if (proxied) {
                if (!readProxyHeader(connection)) return;
                if (perClient.enabled()) {
                    String client = connection.clientAddress().getHostAddress();
                    if (!perClient.tryAcquire(client)) {
                        stats.connectionRejected();
                        logs.limits().log(() -> "closing connection from " + connection.peer() + " (through " + connection.via()
                                + "): the client already has " + perClient.max()
                                + " connections (maxConnectionsPerClient)");
                        return;
                    }
                    key = client;
                }
            }
            if (Logging.connectionLines()) {
                String via = connection.via();
                log.log(Level.INFO, "connection from " + connection.peer() + (via == null ? "" : " (through " + via + ")"));
            }
            if (tracing != null) {
                startMillis = System.currentTimeMillis();
                startNanos = System.nanoTime();
                traced = tracing.wrap(connection);
                protocol.serve(traced);
            } else {
                protocol.serve(connection);
            }
        } catch (SocketTimeoutException e) {
            stats.timeout();
            log.log(Level.DEBUG, () -> "closing idle connection from " + connection.peer() + " after "
                    + readTimeoutMillis + " ms (readTimeout)");
        } catch (IOException e) {
            // A client that reset or vanished: its own business, not the server's.
            log.log(Level.DEBUG, () -> "connection from " + connection.peer() + " ended: " + e);
        } catch (RuntimeException | Error e) {
            stats.error();
            unexpected = "the server failed (its log says more)";
            log.log(Level.WARNING, "unexpected failure serving a connection", e);
        } finally {
            if (traced != null) traceEnded(traced, connection, startMillis, startNanos, unexpected);
            end(connection, key);
        }
    }

    /**
     * The end of every connection that was {@link #opened}: socket closed, counters and limits
     * given back (the per-client limit's {@code clientKey}, when one was taken, and the slot).
     */
    void end(TcpConnection connection, String clientKey) {
        connection.close();
        open.remove(connection);
        stats.connectionClosed();
        if (clientKey != null) perClient.release(clientKey);
        slots.release();
    }

    /** The record of a traced connection; a failure to make it must not keep the connection open. */
    private void traceEnded(TracingStream traced, TcpConnection connection, long startMillis, long startNanos, String unexpected) {
        try {
            tracing.ended(traced, connection.clientAddress(), connection.clientPort(), startMillis, startNanos, unexpected);
        } catch (RuntimeException | Error e) {
            logs.upkeep().log(() -> "could not record the trace of a connection: " + e);
        }
    }

    /**
     * Reads the PROXY header of a connection from a trusted balancer, within the header time limit.
     * False, logged and counted as rejected, when it is missing or invalid: such a connection is
     * closed without a byte to the protocol.
     */
    private boolean readProxyHeader(TcpConnection connection) throws IOException {
        connection.limitReads(TimeUnit.MILLISECONDS.toNanos(headerTimeoutMillis));
        try {
            ProxyHeaderReader.Result r = ProxyHeaderReader.read(connection);
            connection.unlimitReads();
            connection.relayed(r.header().source(), r.rest());
            return true;
        } catch (BadProxyHeader e) {
            stats.connectionRejected();
            logs.proxies().log(() -> "refusing connection from trusted proxy " + connection.peer() + ": " + e.getMessage());
            return false;
        } catch (SocketTimeoutException e) {
            stats.connectionRejected();
            logs.proxies().log(() -> "refusing connection from trusted proxy " + connection.peer() + ": no PROXY protocol header within "
                    + headerTimeoutMillis + " ms");
            return false;
        } catch (EOFException e) {
            // A balancer's plain TCP health check: connect, then close.
            log.log(Level.DEBUG, () -> "connection from " + connection.peer() + " closed before its PROXY header");
            return false;
        }
    }
}
