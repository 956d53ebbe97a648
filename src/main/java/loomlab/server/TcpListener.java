package loomlab.server;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import loomlab.config.Mode;
import loomlab.config.Protocol;
import loomlab.config.ServiceConfig;
import loomlab.log.Logging;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;
import loomlab.net.AddressList;
import loomlab.net.Sockets;
import loomlab.protocol.StreamProtocol;
import loomlab.protocol.TracingStream;
import loomlab.protocol.proxy.BadProxyHeader;
import loomlab.protocol.proxy.ProxyHeaderReader;

/**
 * A TCP service: one accept loop on its own thread, one {@link ConnectionRunner} (the
 * mode) that runs each accepted connection, and a protocol that serves it. The listener knows
 * sockets and threads, never bytes.
 */
public final class TcpListener implements Listener {

    /** Accept failures (out of file descriptors) and limit rejections: one line per this. */
    static final long TROUBLE_LOG_INTERVAL_MILLIS = 5_000;
    /** The accept loop's back-off after a failure doubles from the first to the last value. */
    static final long FIRST_BACKOFF_MILLIS = 10;
    static final long MAX_BACKOFF_MILLIS = 1_000;
    /**
     * A balancer sends the PROXY header at once; one that has not within this time (or the read
     * timeout, when shorter) is cut off. The specification asks for at least 3 s (a retransmit).
     */
    static final long PROXY_HEADER_TIMEOUT_MILLIS = 5_000;

    private final ServiceConfig config;
    private final StreamProtocol protocol;
    private final ServiceStats stats;
    private final Logger log;
    private final ServerSocket serverSocket;
    private final InetSocketAddress address;
    private final ConnectionRunner runner;
    /** Connections waiting beyond the limit stay in the kernel's backlog, not in our memory. */
    private final Semaphore slots;
    private final int slotCount;
    private final ClientLimit perClient;
    private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog acceptTrouble;
    private final RateLimitedLog limitLog;
    private final RateLimitedLog stallLog;
    private final RateLimitedLog fullLog;
    private final RateLimitedLog sweepTrouble;
    private final ConnectionBudget budget;
    private final int readTimeoutMillis;
    /** calc's request deadline (the sweeper enforces it too); 0 when none or not calc. */
    private final long deadlineMillis;
    /** proxyProtocol: the balancers allowed to connect, else null; and the header's time limit. */
    private final AddressList trustedProxies;
    private final long headerTimeoutMillis;
    private final RateLimitedLog proxyLog;
    /** The service's trace when {@code trace} is on, else null: then connections are not wrapped. */
    private final Tracing tracing;
    private volatile boolean stopping;
    private Thread acceptThread;
    private Thread sweeper;

    /**
     * Binds at once, so that a port in use is reported before anything starts; {@code budget} is
     * the process-wide budget of connections that the open files limit allows.
     */
    TcpListener(ServiceConfig config, StreamProtocol protocol, ServiceStats stats, ConnectionBudget budget) throws IOException {
        this.config = config;
        this.budget = budget;
        this.protocol = protocol;
        this.stats = stats;
        this.log = Logging.service(config.name());
        this.runner = ConnectionRunner.of(config.mode(), config.name());
        this.slotCount = config.mode() == Mode.SERIAL ? 1 : config.maxConnections();
        this.slots = new Semaphore(slotCount);
        this.perClient = new ClientLimit(config.maxConnectionsPerClient());
        this.acceptTrouble = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.limitLog = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.stallLog = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.fullLog = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.sweepTrouble = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
        this.deadlineMillis = config.protocol() == Protocol.CALC ? config.requestDeadline().toMillis() : 0;
        this.trustedProxies = config.proxyProtocol() ? AddressList.parse(config.trustedProxies()) : null;
        this.headerTimeoutMillis = trustedProxies == null ? 0
                : readTimeoutMillis > 0 ? Math.min(readTimeoutMillis, PROXY_HEADER_TIMEOUT_MILLIS) : PROXY_HEADER_TIMEOUT_MILLIS;
        this.proxyLog = new RateLimitedLog(log, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
        this.tracing = config.trace() ? new Tracing(config.name(), log) : null;
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(Endpoints.resolve(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.serverSocket = socket;
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override public ServiceConfig config() { return config; }
    @Override public InetSocketAddress address() { return address; }
    @Override public ServiceStats stats() { return stats; }
    @Override public Optional<TraceRing> traces() { return Optional.ofNullable(tracing).map(Tracing::ring); }

    @Override
    public void start() {
        // In virtual mode the accept loop is a virtual thread as well: a connection's thread started
        // from a carrier goes to that carrier's own queue, while one started from a platform thread
        // must wake a carrier, a context switch per connection. Serial mode serves on this thread.
        Thread.Builder acceptor = config.mode() == Mode.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        acceptThread = acceptor.name(config.name() + "-accept").start(this::acceptLoop);
        if (readTimeoutMillis > 0 || deadlineMillis > 0 || headerTimeoutMillis > 0) {
            sweeper = Thread.ofVirtual().name(config.name() + "-timeouts").start(this::sweepTimeouts);
        }
    }

    @Override
    public boolean running() {
        return !stopping && acceptThread != null && acceptThread.isAlive();
    }

    private void acceptLoop() {
        Backoff acceptFailures = new Backoff();
        Backoff threadFailures = new Backoff();
        while (!stopping) {
            try {
                takeSlot();
            } catch (InterruptedException e) {
                return;
            }
            Socket socket;
            try {
                socket = serverSocket.accept();
                acceptFailures.reset();
            } catch (IOException e) {
                releaseSlot();
                if (stopping || serverSocket.isClosed()) return;
                // Typically EMFILE/ENFILE: out of file descriptors. The pending connection stays in
                // the backlog and accept would fail again at once: retrying without a pause would
                // spin at 100% CPU. Back off, and recover by itself when connections close.
                stats.acceptFailed();
                acceptTrouble.log(() -> "accept failed: " + e.getMessage() + "; backing off (up to " + MAX_BACKOFF_MILLIS
                        + " ms between attempts) until descriptors free up"
                        + " (if this says 'Too many open files': raise ulimit -n or lower maxConnections)");
                acceptFailures.pause();
                continue;
            }
            String client = null;
            if (trustedProxies != null) {
                // Behind a balancer only the balancers may connect (the PROXY protocol's rule: a
                // header from anyone else would let them choose the address we see). The real
                // client, and so the per-client limit, is known once the header is read.
                if (!trustedProxies.contains(socket.getInetAddress())) {
                    releaseSlot();
                    stats.connectionRejected();
                    proxyLog.log(() -> "refusing connection from " + Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress())
                            + ": not a trusted proxy (trustedProxies: " + trustedProxies + "); this service takes PROXY protocol"
                            + " connections from its balancers only");
                    Sockets.closeQuietly(socket);
                    continue;
                }
            } else if (perClient.enabled()) {
                client = socket.getInetAddress().getHostAddress();
                if (!perClient.tryAcquire(client)) {
                    releaseSlot();
                    stats.connectionRejected();
                    limitLog.log(() -> "closing connection from " + Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress())
                            + ": the client already has " + config.maxConnectionsPerClient() + " connections (maxConnectionsPerClient)");
                    Sockets.closeQuietly(socket);
                    continue;
                }
            }
            dispatch(socket, client, threadFailures);
        }
    }

    /** Hands an accepted connection to its thread (the mode); whatever fails, the accept loop goes on. */
    private void dispatch(Socket socket, String client, Backoff threadFailures) {
        TcpConnection connection;
        try {
            connection = new TcpConnection(socket);
        } catch (IOException e) {
            // The socket is unusable already (closed under us): forget it.
            Sockets.closeQuietly(socket);
            if (client != null) perClient.release(client);
            releaseSlot();
            return;
        }
        open.add(connection);
        stats.connectionOpened();
        try {
            runner.run(() -> handle(connection, client));
            threadFailures.reset();
        } catch (RuntimeException | OutOfMemoryError e) {
            // No thread for it (platform mode beyond what the OS allows: "unable to create native
            // thread"): drop this connection, never the accept loop, and back off.
            stats.error();
            forget(connection, client);
            acceptTrouble.log(() -> "cannot start a thread for a connection (" + e.getMessage() + "); closed it and backing off;"
                    + " in mode platform, lower maxConnections or use mode virtual");
            threadFailures.pause();
        }
    }

    /**
     * A connection slot of this service and one of the process-wide budget; while either is
     * full, new connections wait in the kernel's backlog (said once per interval, not per client).
     */
    private void takeSlot() throws InterruptedException {
        if (!slots.tryAcquire()) {
            fullLog.log(() -> "maxConnections (" + slotCount + ") reached: new connections wait in the backlog");
            slots.acquire();
        }
        if (!budget.tryAcquire()) {
            fullLog.log(() -> "all " + budget.size() + " connections the open files limit allows (minus the descriptors kept free) are in use:"
                    + " new connections wait in the backlog");
            try {
                budget.acquire();
            } catch (InterruptedException e) {
                slots.release();
                throw e;
            }
        }
    }

    private void releaseSlot() {
        budget.release();
        slots.release();
    }

    /** Runs on the connection's thread; whatever happens, the slot is released and the socket closed. */
    private void handle(TcpConnection connection, String clientKey) {
        String key = clientKey;
        TracingStream traced = null;
        long startMillis = 0;
        long startNanos = 0;
        String unexpected = null;
        try {
            connection.start();
            if (trustedProxies != null) {
                if (!readProxyHeader(connection)) return;
                if (perClient.enabled()) {
                    String client = connection.clientAddress().getHostAddress();
                    if (!perClient.tryAcquire(client)) {
                        stats.connectionRejected();
                        limitLog.log(() -> "closing connection from " + connection.peer() + " (through " + connection.via()
                                + "): the client already has " + config.maxConnectionsPerClient()
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
                    + config.readTimeout().toMillis() + " ms (readTimeout)");
        } catch (IOException e) {
            // A client that reset or vanished: its own business, not the server's.
            log.log(Level.DEBUG, () -> "connection from " + connection.peer() + " ended: " + e);
        } catch (RuntimeException | Error e) {
            stats.error();
            unexpected = "the server failed (its log says more)";
            log.log(Level.WARNING, "unexpected failure serving a connection", e);
        } finally {
            if (traced != null) traceEnded(traced, connection, startMillis, startNanos, unexpected);
            forget(connection, key);
        }
    }

    /** The record of a traced connection; a failure to make it must not keep the connection open. */
    private void traceEnded(TracingStream traced, TcpConnection connection, long startMillis, long startNanos, String unexpected) {
        try {
            tracing.ended(traced, connection.clientAddress(), connection.clientPort(), startMillis, startNanos, unexpected);
        } catch (RuntimeException | Error e) {
            sweepTrouble.log(() -> "could not record the trace of a connection: " + e);
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
            proxyLog.log(() -> "refusing connection from trusted proxy " + connection.peer() + ": " + e.getMessage());
            return false;
        } catch (SocketTimeoutException e) {
            stats.connectionRejected();
            proxyLog.log(() -> "refusing connection from trusted proxy " + connection.peer() + ": no PROXY protocol header within "
                    + headerTimeoutMillis + " ms");
            return false;
        } catch (EOFException e) {
            // A balancer's plain TCP health check: connect, then close.
            log.log(Level.DEBUG, () -> "connection from " + connection.peer() + " closed before its PROXY header");
            return false;
        }
    }

    /** The end of every connection: socket closed, counters and limits given back. */
    private void forget(TcpConnection connection, String clientKey) {
        connection.close();
        open.remove(connection);
        stats.connectionClosed();
        if (clientKey != null) perClient.release(clientKey);
        releaseSlot();
    }

    /**
     * One sweeper per service enforces the time limits: a peer that stops reading while the server
     * writes (a half-open connection, a client that sends and never reads its echo) would hold its
     * thread forever, so such connections are closed after readTimeout; a read that waits longer
     * than readTimeout (a client that sends nothing), or past the calc request deadline, is ended
     * as a timeout (see TcpConnection: cheaper than socket timeouts). A limit fires within one
     * sweep interval (a quarter of the shorter limit, 50 ms to 1 s) after it is reached.
     */
    private void sweepTimeouts() {
        long limit = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis); // 0: no idle/stall limit
        long shorter = shortest(shortest(readTimeoutMillis, deadlineMillis), headerTimeoutMillis);
        long every = Math.clamp(shorter / 4, 50, 1_000);
        while (!stopping) {
            pause(every);
            try {
                sweep(System.nanoTime(), limit);
            } catch (RuntimeException | Error e) {
                // One bad sweep (a bug, or no memory for a moment) must not end the time limits for good.
                sweepTrouble.log(() -> "the timeout sweep failed (" + e + "); it goes on at the next one");
            }
        }
    }

    /** One look at every connection: a stalled write is closed, an overdue read ended. */
    private void sweep(long now, long limit) {
        for (TcpConnection c : open) {
            if (limit > 0 && c.writeStalled(now, limit)) {
                stats.timeout();
                stallLog.log(() -> "closing connection from " + c.peer() + ": it has not read what the server sent for "
                        + readTimeoutMillis + " ms (readTimeout)");
                c.close();
            } else if (c.readOverdue(now, limit)) {
                c.endIdleRead(); // the connection's thread counts and logs the timeout
            }
        }
    }

    /** The shorter of two limits, where 0 means none. */
    private static long shortest(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    @Override
    public void shutdown(long deadlineNanos) {
        stopping = true;
        Sockets.closeQuietly(serverSocket);
        if (acceptThread != null) acceptThread.interrupt(); // it may wait for a free slot
        if (sweeper != null) sweeper.interrupt();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        if (acceptThread != null) acceptThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        // The connections hold the slots: all slots free means no connection is left.
        long left = end - System.nanoTime();
        if (left <= 0 ? !slots.tryAcquire(slotCount) : !slots.tryAcquire(slotCount, left, TimeUnit.NANOSECONDS)) return false;
        slots.release(slotCount);
        return true;
    }

    @Override
    public void close() {
        stopping = true;
        Sockets.closeQuietly(serverSocket);
        if (sweeper != null) sweeper.interrupt();
        for (TcpConnection c : open) c.close();
    }

    /** Pauses after failures: 10 ms, doubling up to 1 s between attempts; from 10 ms again after a success. */
    private static final class Backoff {
        private long millis;

        void reset() {
            millis = 0;
        }

        void pause() {
            millis = millis == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, millis * 2);
            TcpListener.pause(millis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
