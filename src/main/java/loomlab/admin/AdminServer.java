package loomlab.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import loomlab.metrics.PinnedThreadWatch;
import loomlab.server.Listener;

/**
 * The admin endpoint, on the JDK's own HTTP server (no dependency) with a virtual thread per
 * exchange: {@code /} the live dashboard, {@code /metrics} for Prometheus, {@code /status} as
 * JSON, {@code /health} for probes. Read-only; loopback by default, since anyone who reaches it
 * sees the counters (docs/operations.md).
 */
public final class AdminServer implements AutoCloseable {

    static final String DASHBOARD_RESOURCE = "/loomlab/admin/dashboard.html";

    private final HttpServer http;
    private final ExecutorService executor;
    private final List<Listener> listeners;
    private final PinnedThreadWatch pinning;
    private final String version;
    private final byte[] dashboard;

    private AdminServer(HttpServer http, List<Listener> listeners, PinnedThreadWatch pinning, String version) throws IOException {
        this.http = http;
        this.listeners = List.copyOf(listeners);
        this.pinning = pinning;
        this.version = version;
        this.dashboard = dashboardPage();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::route);
    }

    /** Binds {@code address} (port 0: any free port) and serves; throws when the port is taken. */
    public static AdminServer start(InetSocketAddress address, List<Listener> listeners, PinnedThreadWatch pinning,
                                    String version) throws IOException {
        HttpServer http = HttpServer.create(address, 64);
        AdminServer admin;
        try {
            admin = new AdminServer(http, listeners, pinning, version);
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        http.start();
        return admin;
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", () -> "only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/", "/index.html" -> send(exchange, 200, "text/html; charset=utf-8", dashboard);
                case "/metrics" -> send(exchange, 200, PrometheusText.CONTENT_TYPE,
                        () -> PrometheusText.render(listeners, pinning, version));
                case "/status" -> send(exchange, 200, "application/json", () -> StatusJson.render(listeners, pinning, version));
                case "/health" -> health(exchange);
                default -> send(exchange, 404, "text/plain; charset=utf-8",
                        () -> "not found; try / (dashboard), /metrics, /status or /health\n");
            }
        }
    }

    /** 200 "ok" while every service's loop runs; 503 naming the ones that stopped. */
    private void health(HttpExchange exchange) throws IOException {
        List<String> down = listeners.stream().filter(l -> !l.running()).map(l -> l.config().name()).toList();
        if (down.isEmpty()) {
            send(exchange, 200, "text/plain; charset=utf-8", () -> "ok\n");
        } else {
            send(exchange, 503, "text/plain; charset=utf-8", () -> "not serving: " + String.join(", ", down) + "\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, Supplier<String> body) throws IOException {
        send(exchange, status, type, body.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
        http.stop(0);
        executor.close();
    }
}
