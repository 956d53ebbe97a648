package loomlab.load.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import loomlab.load.demo.DemoResult;

/**
 * The demo's report while it runs, on a loopback port for the projector: {@code GET /} is the
 * report of the latest snapshot (the same page {@link DemoReportFiles} writes at the end), and
 * {@code GET /results.json} its data, which the page polls to follow the demo step by step.
 *
 * <p>Bounded and read-only: two handler threads, only those two paths, only GET, no
 * part of a request in any answer. Each snapshot is rendered once, in {@link #update}, not per
 * request.
 */
public final class LiveReport implements AutoCloseable {

    private static final int THREADS = 2;
    /** The page has inline styles and scripts and polls its own origin; nothing else may load. */
    private static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";

    /** How long {@link #close} waits for an open page to fetch the finished snapshot. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** A page that polled this recently is taken to be open. */
    private static final Duration OPEN = Duration.ofSeconds(5);

    private record Page(byte[] html, byte[] json, boolean finished) {
        static Page of(DemoResult r) {
            return new Page(DemoHtmlReport.render(r).getBytes(StandardCharsets.UTF_8),
                    DemoJsonReport.render(r).getBytes(StandardCharsets.UTF_8), r.finished());
        }
    }

    /** Before the first snapshot: a page that reloads itself each second until the report is there. */
    private static final Page STARTING = new Page(("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"refresh\" content=\"1\">\n<title>loomlab scalability demo: starting</title>\n</head>\n"
            + "<body data-finished=\"false\" data-steps=\"0\">\n<h1>Scalability demo</h1>\n<p id=\"progress\">Starting: "
            + "the report appears here after the first step.</p>\n</body>\n</html>\n").getBytes(StandardCharsets.UTF_8), null, false);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration grace;
    private volatile Page page;
    /** When a page last polled; 0 = never. */
    private volatile long lastPoll;
    private final CountDownLatch finishedServed = new CountDownLatch(1);

    private LiveReport(HttpServer server, ExecutorService executor, Page first, Duration grace) {
        this.server = server;
        this.executor = executor;
        this.page = first;
        this.grace = grace;
    }

    /**
     * Serves a "starting" page on 127.0.0.1:{@code port} (0 = any free port) until the first
     * {@link #update}.
     *
     * @throws IOException when the port cannot be bound (in use, not allowed)
     */
    public static LiveReport start(int port) throws IOException {
        return start(port, STARTING, GRACE);
    }

    /**
     * Serves {@code first} on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @throws IOException when the port cannot be bound (in use, not allowed)
     */
    public static LiveReport start(int port, DemoResult first) throws IOException {
        return start(port, Page.of(first), GRACE);
    }

    /** With another wait in {@link #close} (tests). */
    static LiveReport start(int port, DemoResult first, Duration grace) throws IOException {
        return start(port, Page.of(first), grace);
    }

    private static LiveReport start(int port, Page p, Duration grace) throws IOException {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().name("live-report-", 0).factory());
        LiveReport live = new LiveReport(server, executor, p, grace);
        server.createContext("/", live::handle);
        server.setExecutor(executor);
        server.start();
        return live;
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:41235/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The demo's state after a step: the page's next poll shows it. */
    public void update(DemoResult snapshot) {
        page = Page.of(snapshot);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().close();
            if (!ex.getRequestMethod().equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET");
                send(ex, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Page p = page;
            switch (ex.getRequestURI().getRawPath()) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", p.html());
                case "/results.json" -> {
                    if (p.json() == null) {
                        send(ex, 503, "text/plain; charset=utf-8", "starting: no step yet\n".getBytes(StandardCharsets.UTF_8));
                    } else {
                        lastPoll = System.nanoTime();
                        send(ex, 200, "application/json; charset=utf-8", p.json());
                        if (p.finished()) finishedServed.countDown();
                    }
                }
                default -> send(ex, 404, "text/plain; charset=utf-8", "not found: this page serves / and /results.json\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Stops serving and ends the threads. When the last snapshot is the finished demo and a page
     * is open (it polled within the last seconds), first waits a moment (at most {@link #GRACE})
     * for it to fetch that snapshot, so that the projector shows the end, not the step before.
     */
    @Override
    public void close() {
        long sincePoll = System.nanoTime() - lastPoll;
        if (page.finished() && lastPoll != 0 && sincePoll < OPEN.toNanos()) {
            try {
                finishedServed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
