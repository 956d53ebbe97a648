package loomlab.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import loomlab.config.ServiceConfig;
import loomlab.metrics.ServiceStats;
import loomlab.net.AddressList;
import loomlab.net.Sockets;
import loomlab.protocol.StreamProtocol;

/**
 * A TCP service. It binds, wires its parts and starts and stops them: the {@link AcceptLoop} on
 * its own thread, which hands each connection over as the mode says ({@link ConnectionRunner}) to
 * the {@link ConnectionHandler}, which serves it with the protocol; and the
 * {@link TimeLimitSweeper}. The listener knows sockets and threads, never bytes nor protocols.
 */
public final class TcpListener implements Listener {

    private final ServiceConfig config;
    private final ServiceStats stats;
    private final ServerSocket serverSocket;
    private final InetSocketAddress address;
    private final ConnectionRunner runner;
    /** Connections waiting beyond the limit stay in the kernel's backlog, not in our memory. */
    private final Slots slots;
    private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
    private final ConnectionHandler handler;
    private final AcceptLoop acceptLoop;
    private final TimeLimitSweeper sweeper;
    private Thread acceptThread;
    private Thread sweeperThread;

    /**
     * Binds at once, so that a port in use is reported before anything starts; {@code budget} is
     * the process-wide budget of connections that the open files limit allows.
     */
    TcpListener(ServiceConfig config, StreamProtocol protocol, ServiceStats stats, ConnectionBudget budget) throws IOException {
        this.config = config;
        this.stats = stats;
        ServiceLogs logs = ServiceLogs.of(config.name());
        this.runner = ConnectionRunner.of(config.mode());
        this.slots = new Slots(runner.connectionsAtOnce(config.maxConnections()), budget, logs.log());
        ClientLimit perClient = new ClientLimit(config.maxConnectionsPerClient());
        this.handler = new ConnectionHandler(config, protocol, stats, logs, slots, perClient, open);
        int readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
        // The request deadline is the protocol's to say (calc has one); the sweeper ends a read past it.
        this.sweeper = new TimeLimitSweeper(open, readTimeoutMillis, protocol.requestDeadline().toMillis(),
                handler.headerTimeoutMillis(), stats, logs);
        AddressList trustedProxies = config.proxyProtocol() ? AddressList.parse(config.trustedProxies()) : null;
        ConnectionRunner.Handover handover = runner.handOver(config.name());
        this.serverSocket = bind(config);
        this.address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        this.acceptLoop = new AcceptLoop(serverSocket, slots, handover, handler, perClient, trustedProxies, stats, logs);
    }

    private static ServerSocket bind(ServiceConfig config) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(Endpoints.resolve(config.host(), config.port()), config.backlog());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override public ServiceConfig config() { return config; }
    @Override public InetSocketAddress address() { return address; }
    @Override public ServiceStats stats() { return stats; }
    @Override public Optional<TraceRing> traces() { return Optional.ofNullable(handler.tracing()).map(Tracing::ring); }

    @Override
    public void start() {
        acceptThread = runner.acceptThread().name(config.name() + "-accept").start(acceptLoop);
        if (sweeper.needed()) {
            sweeperThread = Thread.ofVirtual().name(config.name() + "-timeouts").start(sweeper);
        }
    }

    @Override
    public boolean running() {
        return !acceptLoop.stopping() && acceptThread != null && acceptThread.isAlive();
    }

    @Override
    public void shutdown(long deadlineNanos) {
        stop();
        if (acceptThread != null) acceptThread.interrupt(); // it may wait for a free slot
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        if (acceptThread != null) acceptThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        // The connections hold the slots: all slots free means no connection is left.
        return slots.awaitAllFree(end - System.nanoTime());
    }

    @Override
    public void close() {
        stop();
        for (TcpConnection c : open) c.close();
    }

    /** No new connections, no more sweeps: the accept loop ends (its socket closed), the sweeper's pause is cut short. */
    private void stop() {
        acceptLoop.stop();
        sweeper.stop();
        Sockets.closeQuietly(serverSocket);
        if (sweeperThread != null) sweeperThread.interrupt();
    }
}
