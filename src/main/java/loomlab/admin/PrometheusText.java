package loomlab.admin;

import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import loomlab.metrics.ServiceLatency;
import loomlab.metrics.PinnedThreadWatch;
import loomlab.metrics.ProcessMetrics;
import loomlab.metrics.ServiceStats;
import loomlab.metrics.VirtualThreadScheduler;
import loomlab.server.Listener;

/**
 * {@code /metrics} in the Prometheus text exposition format 0.0.4: one family per metric, with
 * a {@code service} label per service. Process and JVM metrics use the names of the Prometheus
 * client libraries ({@code process_open_fds}, {@code jvm_threads_current}, ...), so existing
 * dashboards understand them. docs/operations.md lists every name.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final List<Listener> listeners;

    private PrometheusText(List<Listener> listeners) {
        this.listeners = listeners;
    }

    /** With the admin endpoint's own connections when {@code admin} is not null. */
    static String render(List<Listener> listeners, PinnedThreadWatch pinning, String version, AdminServer admin) {
        PrometheusText p = new PrometheusText(listeners);
        p.single("loomlab_info", "gauge", "Always 1; the labels say which loomlab this is.",
                "{version=\"" + escape(version) + "\"}", 1);
        p.header("loomlab_service_running", "gauge", "1 while the service's accept or receive loop runs, else 0.");
        for (Listener l : listeners) {
            p.sample("loomlab_service_running", l, "protocol=\"" + l.config().protocol().name().toLowerCase()
                    + "\",transport=\"" + l.config().transport().name().toLowerCase() + "\"", l.running() ? 1 : 0);
        }
        Predicate<Listener> tcp = ServiceView::tcp;
        Predicate<Listener> all = l -> true;
        p.family("loomlab_connections_active", "gauge", "TCP connections open now.", tcp, ServiceStats::active);
        p.family("loomlab_connections_accepted_total", "counter", "TCP connections accepted.", tcp, ServiceStats::accepted);
        p.family("loomlab_connections_rejected_total", "counter",
                "TCP connections closed at once because the client was over maxConnectionsPerClient.", tcp, ServiceStats::rejected);
        p.family("loomlab_accept_failures_total", "counter",
                "Failed accepts (typically out of file descriptors); the accept loop backs off.", tcp, ServiceStats::acceptFailures);
        p.family("loomlab_timeouts_total", "counter",
                "Connections the server closed because they sent nothing or did not read for readTimeout; a calc timeout"
                + " counts as an error instead (it gets an ERROR reply).", tcp, ServiceStats::timeouts);
        p.family("loomlab_requests_total", "counter",
                "Requests answered: calc replies, UDP replies, echoed chunks.", all, ServiceStats::requests);
        p.family("loomlab_errors_total", "counter",
                "Bad requests (ERROR replies, dropped datagrams) and unexpected failures.", all, ServiceStats::errors);
        p.family("loomlab_received_bytes_total", "counter", "Request bytes received.", all, ServiceStats::bytesIn);
        p.family("loomlab_sent_bytes_total", "counter", "Reply bytes sent.", all, ServiceStats::bytesOut);
        p.latency();
        if (pinning != null) {
            p.single("loomlab_virtual_threads_pinned_total", "counter",
                    "Virtual threads pinned to their carrier longer than the pinning threshold (JFR).", "", pinning.pinnedCount());
        }
        if (admin != null) p.admin(admin);
        p.process();
        return p.out.toString();
    }

    /** The admin endpoint's connections: bounded by its own cap, cut by its own time limits. */
    private void admin(AdminServer admin) {
        ServiceStats s = admin.stats();
        single("loomlab_admin_connections_active", "gauge", "Admin endpoint connections open now.", "", s.active());
        single("loomlab_admin_connections_max", "gauge",
                "The admin endpoint's connection cap; more clients wait in the backlog.", "", admin.limits().maxConnections());
        single("loomlab_admin_connections_accepted_total", "counter", "Admin endpoint connections accepted.", "", s.accepted());
        single("loomlab_admin_connections_cut_total", "counter", "Admin endpoint connections closed by its time limits: a request"
                + " head not whole in time, a reply not taken, nothing sent.", "", s.timeouts());
        single("loomlab_admin_requests_total", "counter", "Admin endpoint requests answered.", "", s.requests());
        single("loomlab_admin_bad_requests_total", "counter",
                "Admin endpoint requests refused as malformed, and pages that failed.", "", s.errors());
        single("loomlab_admin_accept_failures_total", "counter",
                "Failed accepts of the admin endpoint (out of descriptors); it backs off.", "", s.acceptFailures());
    }

    /**
     * A histogram, not a summary: bucket counters add up across the replicas behind a balancer
     * ({@code sum by (le) (rate(..._bucket[5m]))}, then {@code histogram_quantile}), quantiles do not.
     */
    private void latency() {
        String name = "loomlab_request_duration_seconds";
        header(name, "histogram", "Calc service time, from the start of a request to its reply written;"
                + " cumulative buckets since start.");
        for (Listener l : listeners) {
            if (!ServiceView.timed(l)) continue;
            var latency = l.stats().latency();
            long[] buckets = latency.bucketCounts();
            double[] bounds = ServiceLatency.BUCKET_BOUNDS_SECONDS;
            for (int i = 0; i < buckets.length; i++) {
                String le = i < bounds.length ? java.math.BigDecimal.valueOf(bounds[i]).stripTrailingZeros().toPlainString() : "+Inf";
                sample(name + "_bucket", l, "le=\"" + le + "\"", buckets[i]);
            }
            sample(name + "_sum", l, null, latency.sumSeconds());
            // The +Inf bucket, read in the same pass: _count equal to it, as the format requires.
            sample(name + "_count", l, null, buckets[buckets.length - 1]);
        }
    }

    private void process() {
        single("process_open_fds", "gauge", "Open file descriptors.", "", ProcessMetrics.openFds());
        single("process_max_fds", "gauge", "The limit on open file descriptors.", "", ProcessMetrics.maxFds());
        single("process_resident_memory_bytes", "gauge", "Resident memory size.", "", ProcessMetrics.residentBytes());
        long cpu = ProcessMetrics.cpuNanos();
        single("process_cpu_seconds_total", "counter", "User and system CPU time.", "", cpu < 0 ? Double.NaN : cpu / 1e9);
        single("jvm_threads_current", "gauge", "Live platform threads (virtual threads are not counted).", "", ProcessMetrics.threads());
        MemoryUsage heap = ProcessMetrics.heap();
        String area = "{area=\"heap\"}";
        single("jvm_memory_bytes_used", "gauge", "Used bytes of a memory area.", area, heap.getUsed());
        single("jvm_memory_bytes_committed", "gauge", "Committed bytes of a memory area.", area, heap.getCommitted());
        single("jvm_memory_bytes_max", "gauge", "Max bytes of a memory area (-1 when unbounded).", area, heap.getMax());
        // JDK 24+ only; absent, not zero, where the JDK does not have them.
        VirtualThreadScheduler.read().ifPresent(v -> {
            single("jvm_virtual_thread_scheduler_parallelism", "gauge",
                    "Carrier threads the virtual-thread scheduler aims to keep busy.", "", v.parallelism());
            single("jvm_virtual_thread_scheduler_pool_size", "gauge",
                    "Carrier threads the scheduler has now (more while some are blocked or pinned).", "", v.poolSize());
            single("jvm_virtual_threads_mounted", "gauge", "Virtual threads running on a carrier now.", "", v.mounted());
            single("jvm_virtual_threads_queued", "gauge", "Virtual threads ready to run, waiting for a carrier.", "", v.queued());
        });
    }

    /** A family with a single sample and fixed labels (process-wide values). */
    private void single(String name, String type, String help, String labels, double value) {
        header(name, type, help);
        out.append(name).append(labels).append(' ').append(number(value)).append('\n');
    }

    private void family(String name, String type, String help, Predicate<Listener> which, ToLongFunction<ServiceStats> value) {
        header(name, type, help);
        for (Listener l : listeners) {
            if (which.test(l)) sample(name, l, null, value.applyAsLong(l.stats()));
        }
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, Listener l, String moreLabels, double value) {
        out.append(name).append("{service=\"").append(escape(l.config().name())).append('"');
        if (moreLabels != null) out.append(',').append(moreLabels);
        out.append("} ").append(number(value)).append('\n');
    }

    /** Whole numbers without a decimal point, others as Java prints them ("1.5E-4": Prometheus parses it). */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Label values: backslash, double quote and newline escaped, as the format requires. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
