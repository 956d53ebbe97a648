package loomlab.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.PinnedThreadWatch;
import loomlab.metrics.ServiceStats;
import loomlab.net.Sockets;
import loomlab.server.Backoff;
import loomlab.server.Listener;

/**
 * The admin endpoint: {@code /} the live dashboard, {@code /metrics} for Prometheus,
 * {@code /status} as JSON, {@code /traces} the traced services' last exchanges as JSON,
 * {@code /health} for probes. Read-only; loopback by default, since
 * anyone who reaches it sees the counters (docs/operations.md).
 *
 * <p>A small HTTP/1.1 server of its own, built like the services: one accept loop that takes a
 * slot before it accepts (beyond {@link AdminLimits#maxConnections} clients wait in the backlog,
 * and a failed accept backs off instead of spinning), a virtual thread per connection with plain
 * blocking reads, and one sweeper that closes a connection past its time: a request head not
 * whole within {@code requestTimeout}, a reply not taken within it, nothing sent for
 * {@code idleTimeout}. Not the JDK's {@code com.sun.net.httpserver}: its accept loop spins at full
 * CPU while accept fails for lack of descriptors, it accepts and at once closes connections over
 * its cap, its limits are system properties read once per JVM, and it cannot say how many
 * connections it holds.
 */
public final class AdminServer implements AutoCloseable {

    static final String DASHBOARD_RESOURCE = "/loomlab/admin/dashboard.html";
    /** Clients waiting beyond the cap; the kernel caps it at net.core.somaxconn. */
    static final int BACKLOG = 64;
    static final long SWEEP_MILLIS = 250;
    static final long TROUBLE_LOG_INTERVAL_MILLIS = 5_000;

    private static final Logger LOG = System.getLogger("loomlab.admin");
    private static final byte[] NO_BODY = new byte[0];

    private final ServerSocket serverSocket;
    private final InetSocketAddress address;
    private final AdminLimits limits;
    private final Semaphore slots;
    private final ServiceStats stats = new ServiceStats("admin");
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog fullLog = new RateLimitedLog(LOG, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
    private final RateLimitedLog cutLog = new RateLimitedLog(LOG, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
    private final RateLimitedLog badLog = new RateLimitedLog(LOG, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
    private final RateLimitedLog trouble = new RateLimitedLog(LOG, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
    private final List<Listener> listeners;
    private final PinnedThreadWatch pinning;
    private final String version;
    private final byte[] dashboard;
    private volatile boolean stopping;
    private Thread acceptThread;
    private Thread sweeper;

    private AdminServer(ServerSocket serverSocket, AdminLimits limits, List<Listener> listeners, PinnedThreadWatch pinning,
                        String version) throws IOException {
        this.serverSocket = serverSocket;
        this.address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConnections());
        this.listeners = List.copyOf(listeners);
        this.pinning = pinning;
        this.version = version;
        this.dashboard = dashboardPage();
    }

    /** Binds {@code address} (port 0: any free port) and serves; throws when the port is taken. */
    public static AdminServer start(InetSocketAddress address, AdminLimits limits, List<Listener> listeners,
                                    PinnedThreadWatch pinning, String version) throws IOException {
        ServerSocket socket = new ServerSocket();
        AdminServer admin;
        try {
            socket.setReuseAddress(true);
            socket.bind(address, BACKLOG);
            admin = new AdminServer(socket, limits, listeners, pinning, version);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        admin.acceptThread = Thread.ofVirtual().name("admin-accept").start(admin::acceptLoop);
        admin.sweeper = Thread.ofVirtual().name("admin-timeouts").start(admin::sweepLoop);
        return admin;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Connections open and accepted, requests answered, bad requests (errors), connections cut by a limit (timeouts). */
    public ServiceStats stats() {
        return stats;
    }

    public AdminLimits limits() {
        return limits;
    }

    private void acceptLoop() {
        Backoff acceptFailures = new Backoff();
        while (!stopping) {
            try {
                if (!slots.tryAcquire()) {
                    fullLog.log(() -> "all " + limits.maxConnections() + " admin connections are in use ("
                            + AdminLimits.MAX_CONNECTIONS_PROPERTY + "): new ones wait in the backlog");
                    slots.acquire();
                }
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
                // Out of descriptors, most likely: the client stays in the backlog and accept would
                // fail again at once. Pause instead of spinning; it recovers when descriptors free up.
                stats.acceptFailed();
                trouble.log(() -> "admin endpoint: accept failed: " + e.getMessage() + "; backing off");
                acceptFailures.pause();
                continue;
            }
            Connection c = new Connection(socket);
            open.add(c);
            stats.connectionOpened();
            c.expect("sent nothing", limits.idleTimeout().toNanos());
            try {
                Thread.ofVirtual().name("admin-conn").start(() -> serve(c));
            } catch (RuntimeException | OutOfMemoryError e) {
                forget(c);
                trouble.log(() -> "admin endpoint: no thread for a connection (" + e + "); closed it");
                Backoff.sleep(Backoff.FIRST_MILLIS);
            }
        }
    }

    /** One connection: requests one after another (keep-alive) until either side closes or a limit cuts it. */
    private void serve(Connection c) {
        try {
            InputStream in = new BufferedInputStream(c.socket.getInputStream(), 2048);
            OutputStream out = c.socket.getOutputStream();
            while (!stopping) {
                c.expect("sent nothing", limits.idleTimeout().toNanos());
                int first = in.read();
                if (first < 0) return;
                c.expect("did not send a whole request head", limits.requestTimeout().toNanos());
                HttpHead head;
                try {
                    head = HttpHead.read(in, first);
                } catch (HttpHead.Bad bad) {
                    stats.error();
                    badLog.log(() -> "bad admin request from " + c.peer() + ": " + bad.getMessage() + " (HTTP " + bad.status + ")");
                    c.expect("did not take its reply", limits.requestTimeout().toNanos());
                    write(out, bad.status, "text/plain; charset=utf-8", refusal(bad.status), false, false, null);
                    return;
                }
                c.busy();
                boolean keepAlive = answer(c, head, out);
                if (!keepAlive) return;
            }
        } catch (IOException e) {
            // Gone, reset, or cut by a limit (counted by the sweeper): the client's business.
            LOG.log(Level.DEBUG, () -> "admin connection from " + c.peer() + " ended: " + e);
        } catch (RuntimeException | Error e) {
            stats.error();
            trouble.log(() -> "admin endpoint: unexpected failure serving a connection: " + e);
        } finally {
            forget(c);
        }
    }

    /** Routes and writes one reply; true when the connection may carry another request. */
    private boolean answer(Connection c, HttpHead head, OutputStream out) throws IOException {
        String method = head.method();
        boolean bodyWanted = !method.equals("HEAD");
        int status = 200;
        String type = "text/plain; charset=utf-8";
        String allow = null;
        byte[] body;
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                status = 405;
                allow = "GET, HEAD";
                body = text("only GET and HEAD\n");
            } else {
                switch (head.path()) {
                    case "/", "/index.html" -> {
                        type = "text/html; charset=utf-8";
                        body = dashboard;
                    }
                    case "/metrics" -> {
                        type = PrometheusText.CONTENT_TYPE;
                        body = text(PrometheusText.render(listeners, pinning, version, this));
                    }
                    case "/status" -> {
                        type = "application/json";
                        body = text(StatusJson.render(listeners, pinning, version, this));
                    }
                    case "/traces" -> {
                        TracesJson.Query query = TracesJson.Query.parse(head.query());
                        if (query == null) {
                            status = 400;
                            body = text("bad query; /traces takes client=ADDRESS (or its start), service=NAME and limit=1-"
                                    + TracesJson.MAX_LIMIT + "\n");
                        } else {
                            type = "application/json";
                            body = text(TracesJson.render(listeners, query));
                        }
                    }
                    case "/health" -> {
                        List<String> down = listeners.stream().filter(l -> !l.running()).map(l -> l.config().name()).toList();
                        status = down.isEmpty() ? 200 : 503;
                        body = text(down.isEmpty() ? "ok\n" : "not serving: " + String.join(", ", down) + "\n");
                    }
                    default -> {
                        status = 404;
                        body = text("not found; try / (dashboard), /metrics, /status, /traces or /health\n");
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            // A page that cannot be made now (a bug, no memory): say so, and keep serving the others.
            stats.error();
            trouble.log(() -> "admin endpoint: " + head.path() + " failed: " + e);
            status = 500;
            body = text("internal error; the server log says more\n");
        }
        c.expect("did not take its reply", limits.requestTimeout().toNanos());
        boolean keepAlive = head.keepAlive() && status != 500;
        write(out, status, type, body, bodyWanted, keepAlive, allow);
        stats.request(head.bytes(), bodyWanted ? body.length : 0);
        return keepAlive;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Fixed words per status: nothing of the client's request is put into a reply. */
    private static byte[] refusal(int status) {
        return text(switch (status) {
            case 414 -> "request target too long\n";
            case 431 -> "request head too large\n";
            case 505 -> "HTTP version not supported; use HTTP/1.1\n";
            default -> "bad request\n";
        });
    }

    private static void write(OutputStream out, int status, String type, byte[] body, boolean withBody, boolean keepAlive,
                              String allow) throws IOException {
        StringBuilder h = new StringBuilder(160).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Content-Type: ").append(type).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Cache-Control: no-store\r\n");
        if (allow != null) h.append("Allow: ").append(allow).append("\r\n");
        if (!keepAlive) h.append("Connection: close\r\n");
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = withBody ? body : NO_BODY;
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }

    /**
     * Closes connections past their time, four times a second; a tick that fails is said
     * (rate-limited) and the next one runs as usual.
     */
    private void sweepLoop() {
        while (!stopping) {
            Backoff.sleep(SWEEP_MILLIS);
            try {
                long now = System.nanoTime();
                for (Connection c : open) {
                    if (c.overdue(now)) {
                        stats.timeout();
                        String what = c.phase;
                        cutLog.log(() -> "closing admin connection from " + c.peer() + ": it " + what + " in time ("
                                + limits.describe() + ")");
                        c.close();
                    }
                }
            } catch (RuntimeException | Error e) {
                trouble.log(() -> "admin endpoint: the timeout sweep failed (" + e + "); it goes on at the next one");
            }
        }
    }

    private void forget(Connection c) {
        if (open.remove(c)) {
            c.close();
            stats.connectionClosed();
            slots.release();
        }
    }

    private static byte[] dashboardPage() throws IOException {
        try (InputStream in = AdminServer.class.getResourceAsStream(DASHBOARD_RESOURCE)) {
            if (in == null) throw new IOException("dashboard page missing from the jar: " + DASHBOARD_RESOURCE);
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        stopping = true;
        Sockets.closeQuietly(serverSocket);
        if (acceptThread != null) acceptThread.interrupt();
        if (sweeper != null) sweeper.interrupt();
        for (Connection c : open) c.close();
        try {
            if (acceptThread != null) acceptThread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One admin connection and the moment by which it must have done what it is waiting for. */
    private static final class Connection {
        final Socket socket;
        private String peer;
        /** System.nanoTime by which the client must act; 0 while the server is working on a reply. */
        private volatile long deadline;
        volatile String phase = "sent nothing";

        Connection(Socket socket) {
            this.socket = socket;
        }

        void expect(String whatIfLate, long withinNanos) {
            phase = whatIfLate;
            deadline = (System.nanoTime() + withinNanos) | 1;
        }

        void busy() {
            deadline = 0;
        }

        boolean overdue(long now) {
            long d = deadline;
            return d != 0 && now - d > 0;
        }

        String peer() {
            String p = peer;
            if (p == null) {
                var a = (InetSocketAddress) socket.getRemoteSocketAddress();
                peer = p = a == null ? "a closed connection" : a.getAddress().getHostAddress() + ":" + a.getPort();
            }
            return p;
        }

        void close() {
            Sockets.closeQuietly(socket); // the peer may be gone
        }
    }
}
