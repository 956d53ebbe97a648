package loomlab.admin;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import loomlab.config.Transport;
import loomlab.log.RateLimitedLog;
import loomlab.metrics.ProcessMetrics;
import loomlab.metrics.ServiceStats;
import loomlab.server.Listener;

/**
 * One log line every {@code statsInterval}: per service the connections open and served,
 * requests (and their rate since the last line), bytes and errors, then the JVM. For a terminal
 * during a demo, where a dashboard is not at hand:
 * <pre>stats: echo 3 open, 120 conns, 4500 req (75/s), 1.2 MB in, 1.2 MB out, 0 err | calc-udp 80 req (2/s), 0 err | admin 1 open, 12 conns, 30 req | jvm 24 threads, heap 34/4096 MB, fds 47/20000</pre>
 * A line that fails (a bug, no memory for a moment) is skipped and said, at most once a minute;
 * the next one comes at its time.
 */
public final class StatsLine implements AutoCloseable {

    private static final Logger LOG = System.getLogger("loomlab.stats");

    static final long TROUBLE_LOG_INTERVAL_MILLIS = 60_000;

    private final List<Listener> listeners;
    private final ServiceStats admin;
    private final RateLimitedLog trouble = new RateLimitedLog(LOG, Level.WARNING, TROUBLE_LOG_INTERVAL_MILLIS);
    private final long[] lastRequests;
    private long lastNanos;
    private final Thread thread;

    private StatsLine(List<Listener> listeners, ServiceStats admin, Duration interval) {
        this.listeners = List.copyOf(listeners);
        this.admin = admin;
        this.lastRequests = new long[listeners.size()];
        this.lastNanos = System.nanoTime();
        // A virtual thread that sleeps between lines: nothing to size, nothing to shut down hard.
        this.thread = interval.isZero() ? null : Thread.ofVirtual().name("stats-line").start(() -> loop(interval));
    }

    /** Starts logging every {@code interval}; zero starts nothing. */
    public static StatsLine start(List<Listener> listeners, Duration interval) {
        return new StatsLine(listeners, null, interval);
    }

    /** With the admin endpoint's connections ({@code admin} null: none). */
    public static StatsLine start(List<Listener> listeners, ServiceStats admin, Duration interval) {
        return new StatsLine(listeners, admin, interval);
    }

    private void loop(Duration interval) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval);
                tick();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** One line; whatever fails in it is said (rate-limited) and the thread goes on. */
    void tick() {
        try {
            LOG.log(Level.INFO, next(System.nanoTime()));
        } catch (RuntimeException | Error e) {
            trouble.log(() -> "stats line skipped: " + e + "; the next one comes at its time");
        }
    }

    /** The line for now; rates are since the previous call. One caller at a time (the stats thread). */
    String next(long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - lastNanos) / 1e9);
        lastNanos = nowNanos;
        StringBuilder sb = new StringBuilder("stats:");
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = listeners.get(i);
            ServiceStats s = l.stats();
            long requests = s.requests();
            long rate = Math.round((requests - lastRequests[i]) / seconds);
            lastRequests[i] = requests;
            sb.append(i == 0 ? " " : " | ").append(l.config().name()).append(' ');
            if (l.config().transport() == Transport.TCP) {
                sb.append(s.active()).append(" open, ").append(s.accepted()).append(" conns, ");
            }
            sb.append(requests).append(" req (").append(rate).append("/s), ");
            if (l.config().transport() == Transport.TCP) {
                sb.append(bytes(s.bytesIn())).append(" in, ").append(bytes(s.bytesOut())).append(" out, ");
            }
            sb.append(s.errors()).append(" err");
            if (s.timeouts() > 0) sb.append(", ").append(s.timeouts()).append(" timeouts");
            if (s.rejected() > 0) sb.append(", ").append(s.rejected()).append(" rejected");
            if (s.acceptFailures() > 0) sb.append(", ").append(s.acceptFailures()).append(" accept failures");
        }
        if (admin != null) {
            sb.append(" | admin ").append(admin.active()).append(" open, ").append(admin.accepted()).append(" conns, ")
                    .append(admin.requests()).append(" req");
            if (admin.errors() > 0) sb.append(", ").append(admin.errors()).append(" bad");
            if (admin.timeouts() > 0) sb.append(", ").append(admin.timeouts()).append(" cut");
        }
        MemoryUsage heap = ProcessMetrics.heap();
        sb.append(" | jvm ").append(ProcessMetrics.threads()).append(" threads, heap ")
                .append(heap.getUsed() >> 20).append('/').append((heap.getMax() > 0 ? heap.getMax() : heap.getCommitted()) >> 20)
                .append(" MB");
        long fds = ProcessMetrics.openFds();
        if (fds >= 0) sb.append(", fds ").append(fds).append('/').append(ProcessMetrics.maxFds());
        return sb.toString();
    }

    /** "512 B", "1.2 kB", "3.4 MB", "1.0 GB": bytes as a person reads them on a projector. */
    static String bytes(long n) {
        if (n < 1000) return n + " B";
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
