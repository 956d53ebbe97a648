package loomlab.server;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import loomlab.config.Mode;
import loomlab.config.ServiceConfig;
import loomlab.log.Logging;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.StreamProtocol;

/**
 * A TCP service: one accept loop on its own platform thread, one {@link ConnectionRunner} (the
 * mode) that runs each accepted connection, and a protocol that serves it. The listener knows
 * sockets and threads, never bytes.
 */
public final class TcpListener implements Listener {

    private final ServiceConfig config;
    private final StreamProtocol protocol;
    private final ServiceStats stats;
    private final Logger log;
    private final ServerSocket serverSocket;
    private final InetSocketAddress address;
    private final ConnectionRunner runner;
    /** Connections waiting beyond the limit stay in the kernel's backlog, not in our memory. */
    private final Semaphore slots;
    private final ClientLimit perClient;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog acceptTrouble;
    private final RateLimitedLog limitLog;
    private final int readTimeoutMillis;
    private volatile boolean stopping;
    private Thread acceptThread;

    /** Binds at once, so that a port in use is reported before anything starts. */
    public TcpListener(ServiceConfig config, StreamProtocol protocol, ServiceStats stats) throws IOException {
        this.config = config;
        this.protocol = protocol;
        this.stats = stats;
        this.log = Logging.service(config.name());
        this.runner = ConnectionRunner.of(config.mode(), config.name());
        this.slots = new Semaphore(config.mode() == Mode.SERIAL ? 1 : config.maxConnections());
        this.perClient = new ClientLimit(config.maxConnectionsPerClient());
        this.acceptTrouble = new RateLimitedLog(log, Level.WARNING, 5_000);
        this.limitLog = new RateLimitedLog(log, Level.WARNING, 5_000);
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
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

    @Override
    public void start() {
        acceptThread = Thread.ofPlatform().name(config.name() + "-accept").daemon(true).start(this::acceptLoop);
    }

    private void acceptLoop() {
        long backoffMillis = 0;
        while (!stopping) {
            Socket socket;
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                socket = serverSocket.accept();
                backoffMillis = 0;
            } catch (IOException e) {
                slots.release();
                if (stopping || serverSocket.isClosed()) return;
                // Typically EMFILE/ENFILE: out of file descriptors. Retrying at once would spin at
                // 100% CPU; back off, and recover by itself when connections close.
                backoffMillis = backoffMillis == 0 ? 10 : Math.min(1_000, backoffMillis * 2);
                acceptTrouble.log("accept failed: " + e.getMessage() + "; retrying in up to " + backoffMillis
                        + " ms (if this says 'Too many open files', raise ulimit -n or lower maxConnections)");
                pause(backoffMillis);
                continue;
            }
            String client = null;
            if (perClient.enabled()) {
                client = socket.getInetAddress().getHostAddress();
                if (!perClient.tryAcquire(client)) {
                    slots.release();
                    stats.connectionRejected();
                    limitLog.log("closing connection from " + TcpConnection.describe((InetSocketAddress) socket.getRemoteSocketAddress())
                            + ": the client already has " + config.maxConnectionsPerClient() + " connections (maxConnectionsPerClient)");
                    closeQuietly(socket);
                    continue;
                }
            }
            open.add(socket);
            stats.connectionOpened();
            String clientKey = client;
            runner.run(() -> handle(socket, clientKey));
        }
    }

    /** Runs on the connection's thread; whatever happens, the slot is released and the socket closed. */
    private void handle(Socket socket, String clientKey) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            TcpConnection connection = new TcpConnection(socket);
            if (Logging.connectionLines()) log.log(Level.INFO, "connection from " + connection.peer());
            protocol.serve(connection);
        } catch (SocketTimeoutException e) {
            log.log(Level.DEBUG, () -> "closing idle connection after " + config.readTimeout().toSeconds() + " s");
        } catch (IOException e) {
            // A client that reset or vanished: its own business, not the server's.
            log.log(Level.DEBUG, () -> "connection ended: " + e);
        } catch (RuntimeException | Error e) {
            stats.error();
            log.log(Level.WARNING, "unexpected failure serving a connection", e);
        } finally {
            closeQuietly(socket);
            open.remove(socket);
            stats.connectionClosed();
            if (clientKey != null) perClient.release(clientKey);
            slots.release();
        }
    }

    @Override
    public void shutdown(long deadlineNanos) {
        stopping = true;
        closeQuietly(serverSocket);
        if (acceptThread != null) acceptThread.interrupt(); // it may wait for a free slot
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        if (acceptThread != null) acceptThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        // The connections hold the slots: all slots free means no connection is left.
        int all = config.mode() == Mode.SERIAL ? 1 : config.maxConnections();
        long left = end - System.nanoTime();
        if (left <= 0 ? !slots.tryAcquire(all) : !slots.tryAcquire(all, left, TimeUnit.NANOSECONDS)) return false;
        slots.release(all);
        return true;
    }

    @Override
    public void close() {
        stopping = true;
        closeQuietly(serverSocket);
        for (Socket s : open) closeQuietly(s);
    }

    /** Connections still open, for the shutdown message. */
    public int openConnections() {
        return open.size();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the peer may already be gone
        }
    }
}
