package loomlab.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ServiceStats;
import loomlab.net.AddressList;
import loomlab.net.Sockets;

/**
 * A TCP service's accept loop, on its own thread: take a slot, accept, refuse who may not
 * connect (an untrusted balancer, a client over its limit), hand the connection to its thread
 * (the mode). It backs off after failures rather than spin, and never dies of one connection.
 */
final class AcceptLoop implements Runnable {

    private final ServerSocket serverSocket;
    private final Slots slots;
    private final ConnectionRunner.Handover handover;
    private final ConnectionHandler handler;
    private final ClientLimit perClient;
    /** proxyProtocol: the balancers allowed to connect, else null. */
    private final AddressList trustedProxies;
    private final ServiceStats stats;
    private final ServiceLogs logs;
    /** Accept failures and threads the OS refuses. */
    private final RateLimitedLog acceptTrouble;
    private volatile boolean stopping;

    AcceptLoop(ServerSocket serverSocket, Slots slots, ConnectionRunner.Handover handover, ConnectionHandler handler,
               ClientLimit perClient, AddressList trustedProxies, ServiceStats stats, ServiceLogs logs) {
        this.serverSocket = serverSocket;
        this.slots = slots;
        this.handover = handover;
        this.handler = handler;
        this.perClient = perClient;
        this.trustedProxies = trustedProxies;
        this.stats = stats;
        this.logs = logs;
        this.acceptTrouble = ServiceLogs.warnings(logs.log());
    }

    /** Ends the loop at its next turn; the caller closes the socket and interrupts the thread (it may wait for a slot). */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    @Override
    public void run() {
        Backoff acceptFailures = new Backoff();
        Backoff threadFailures = new Backoff();
        while (!stopping) {
            try {
                slots.take();
            } catch (InterruptedException e) {
                return;
            }
            Socket socket;
            try {
                socket = serverSocket.accept();
                acceptFailures.reset();
            } catch (IOException e) {
                slots.release();
                if (stopping || serverSocket.isClosed()) return;
                // Typically EMFILE/ENFILE: out of file descriptors. The pending connection stays in
                // the backlog and accept would fail again at once: retrying without a pause would
                // spin at 100% CPU. Back off, and recover by itself when connections close.
                stats.acceptFailed();
                acceptTrouble.log(() -> "accept failed: " + e.getMessage() + "; backing off (up to " + Backoff.MAX_MILLIS
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
                    slots.release();
                    stats.connectionRejected();
                    logs.proxies().log(() -> "refusing connection from " + Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress())
                            + ": not a trusted proxy (trustedProxies: " + trustedProxies + "); this service takes PROXY protocol"
                            + " connections from its balancers only");
                    Sockets.closeQuietly(socket);
                    continue;
                }
            } else if (perClient.enabled()) {
                client = socket.getInetAddress().getHostAddress();
                if (!perClient.tryAcquire(client)) {
                    slots.release();
                    stats.connectionRejected();
                    logs.limits().log(() -> "closing connection from " + Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress())
                            + ": the client already has " + perClient.max() + " connections (maxConnectionsPerClient)");
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
            slots.release();
            return;
        }
        handler.opened(connection);
        try {
            handover.run(() -> handler.handle(connection, client));
            threadFailures.reset();
        } catch (RuntimeException | OutOfMemoryError e) {
            // No thread for it (platform mode beyond what the OS allows: "unable to create native
            // thread"): drop this connection, never the accept loop, and back off.
            stats.error();
            handler.end(connection, client);
            acceptTrouble.log(() -> "cannot start a thread for a connection (" + e.getMessage() + "); closed it and backing off;"
                    + " in mode platform, lower maxConnections or use mode virtual");
            threadFailures.pause();
        }
    }
}
