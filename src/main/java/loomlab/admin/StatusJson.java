package loomlab.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.MemoryUsage;
import java.util.List;
import loomlab.config.Transport;
import loomlab.metrics.PinnedThreadWatch;
import loomlab.metrics.ProcessMetrics;
import loomlab.metrics.ServiceStats;
import loomlab.server.Listener;

/**
 * {@code /status}: the same numbers as {@code /metrics} as one JSON object, for the dashboard and
 * for scripts ({@code curl -s localhost:9090/status | jq}). Counters are totals since start; the
 * dashboard turns them into rates.
 */
final class StatusJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private StatusJson() { }

    /** With the admin endpoint's own connections when {@code admin} is not null. */
    static String render(List<Listener> listeners, PinnedThreadWatch pinning, String version, AdminServer admin) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("version", version);
            g.writeNumberField("time", System.currentTimeMillis());
            g.writeNumberField("uptimeSeconds", ProcessMetrics.uptimeSeconds());
            g.writeArrayFieldStart("services");
            long now = System.nanoTime();
            for (Listener l : listeners) service(g, l, now);
            g.writeEndArray();
            if (admin != null) {
                ServiceStats a = admin.stats();
                g.writeObjectFieldStart("admin");
                g.writeNumberField("active", a.active());
                g.writeNumberField("maxConnections", admin.limits().maxConnections());
                g.writeNumberField("accepted", a.accepted());
                g.writeNumberField("cut", a.timeouts());
                g.writeNumberField("requests", a.requests());
                g.writeNumberField("badRequests", a.errors());
                g.writeNumberField("acceptFailures", a.acceptFailures());
                g.writeEndObject();
            }
            MemoryUsage heap = ProcessMetrics.heap();
            g.writeObjectFieldStart("jvm");
            g.writeNumberField("threads", ProcessMetrics.threads());
            g.writeNumberField("heapUsedBytes", heap.getUsed());
            g.writeNumberField("heapCommittedBytes", heap.getCommitted());
            g.writeNumberField("heapMaxBytes", heap.getMax());
            if (pinning != null) g.writeNumberField("pinnedVirtualThreads", pinning.pinnedCount());
            g.writeEndObject();
            g.writeObjectFieldStart("process");
            g.writeNumberField("openFds", ProcessMetrics.openFds());
            g.writeNumberField("maxFds", ProcessMetrics.maxFds());
            g.writeNumberField("residentBytes", ProcessMetrics.residentBytes());
            long cpu = ProcessMetrics.cpuNanos();
            g.writeNumberField("cpuSeconds", cpu < 0 ? -1 : cpu / 1e9);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void service(JsonGenerator g, Listener l, long now) throws IOException {
        ServiceStats s = l.stats();
        g.writeStartObject();
        g.writeStringField("name", l.config().name());
        g.writeStringField("kind", ServiceView.kind(l.config()));
        g.writeStringField("address", l.address().getAddress().getHostAddress() + ":" + l.address().getPort());
        if (l.config().transport() == Transport.TCP) {
            g.writeStringField("mode", l.config().mode().name().toLowerCase());
        } else {
            g.writeStringField("order", l.config().order().name().toLowerCase());
        }
        g.writeBooleanField("running", l.running());
        if (ServiceView.tcp(l)) {
            g.writeNumberField("active", s.active());
            g.writeNumberField("accepted", s.accepted());
            g.writeNumberField("rejected", s.rejected());
            g.writeNumberField("acceptFailures", s.acceptFailures());
            g.writeNumberField("timeouts", s.timeouts());
        }
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("bytesIn", s.bytesIn());
        g.writeNumberField("bytesOut", s.bytesOut());
        if (ServiceView.timed(l)) {
            double[] q = s.latency().quantileSeconds(now, ServiceView.QUANTILES);
            g.writeObjectFieldStart("latencySeconds");
            for (int i = 0; i < q.length; i++) {
                String key = ServiceView.QUANTILE_KEYS[i];
                if (Double.isNaN(q[i])) g.writeNullField(key); else g.writeNumberField(key, q[i]);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
