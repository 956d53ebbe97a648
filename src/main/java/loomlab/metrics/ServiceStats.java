package loomlab.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one service, cheap enough for hot paths (LongAdder: no contention between
 * connections). Read by the shutdown summary, the stats line and the admin endpoint.
 */
public final class ServiceStats {

    private final String service;
    private final LongAdder active = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder acceptFailures = new LongAdder();
    private final ServiceLatency latency = new ServiceLatency();

    public ServiceStats(String service) {
        this.service = service;
    }

    public String service() { return service; }

    public void connectionOpened() { accepted.increment(); active.increment(); }
    public void connectionClosed() { active.decrement(); }
    public void connectionRejected() { rejected.increment(); }
    public void request(long in, long out) { requests.increment(); bytesIn.add(in); bytesOut.add(out); }
    /** A request answered after {@code serviceNanos}: counted and fed to the latency summary. */
    public void request(long in, long out, long serviceNanos) { request(in, out); latency.record(serviceNanos); }
    public void error() { errors.increment(); }
    /** The server closed an idle connection, or one whose peer stopped reading (readTimeout). */
    public void timeout() { timeouts.increment(); }
    /** accept() failed, typically out of file descriptors; the accept loop backs off. */
    public void acceptFailed() { acceptFailures.increment(); }

    public long active() { return active.sum(); }
    public long accepted() { return accepted.sum(); }
    public long rejected() { return rejected.sum(); }
    public long requests() { return requests.sum(); }
    public long bytesIn() { return bytesIn.sum(); }
    public long bytesOut() { return bytesOut.sum(); }
    public long errors() { return errors.sum(); }
    public long timeouts() { return timeouts.sum(); }
    public long acceptFailures() { return acceptFailures.sum(); }
    public ServiceLatency latency() { return latency; }
}
