package loomlab.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Service times of one of the server's services, for the latency summary (the load generator's
 * latencies are {@code load/ClientLatencies}). Writers (connection threads) only call
 * {@link #record}: a wait-free HdrHistogram {@link Recorder} plus two LongAdders, no lock and no
 * allocation. Readers (a metrics scrape, the stats line) take what was recorded since the last
 * read and fold it into a window of the last one to two minutes, so the quantiles follow the
 * present load instead of averaging over the whole uptime.
 *
 * <p>Besides, fixed buckets counted since start ({@link #bucketCounts}), for the Prometheus
 * histogram: quantiles cannot be added up across replicas, bucket counters can.
 */
public final class ServiceLatency {

    /** Quantiles cover the current window and the one before it: 60 to 120 s of history. */
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Two significant digits: 1% resolution, a few tens of KB per histogram. */
    private static final int DIGITS = 2;

    /**
     * The histogram's upper bounds in seconds (Prometheus' {@code le}), 50 µs to 10 s: calc answers
     * in tens of microseconds on loopback, a congested lab network takes milliseconds, and a
     * request that trickles in (requestDeadline) seconds.
     */
    public static final double[] BUCKET_BOUNDS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BOUNDS_NANOS = new long[BUCKET_BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDS_NANOS.length; i++) BOUNDS_NANOS[i] = Math.round(BUCKET_BOUNDS_SECONDS[i] * 1e9);
    }

    private final Recorder recorder = new Recorder(DIGITS);
    /** Per bucket, not cumulative: the last one holds what is above every bound (+Inf). */
    private final LongAdder[] buckets = new LongAdder[BOUNDS_NANOS.length + 1];

    {
        for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
    }
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    // Reader side, guarded by this; never touched by writers.
    private Histogram interval;
    private Histogram current = new Histogram(DIGITS);
    private Histogram previous = new Histogram(DIGITS);
    private long windowStart = Long.MIN_VALUE;

    public void record(long nanos) {
        long value = Math.max(1, nanos);
        recorder.recordValue(value);
        int b = 0;
        while (b < BOUNDS_NANOS.length && value > BOUNDS_NANOS[b]) b++; // most requests stop at the first few
        buckets[b].increment();
        count.increment();
        sumNanos.add(value);
    }

    /** Requests recorded since start. */
    public long count() {
        return count.sum();
    }

    /** Sum of all recorded service times since start, in seconds (the summary's {@code _sum}). */
    public double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }

    /**
     * Requests at or under each bound of {@link #BUCKET_BOUNDS_SECONDS} since start, cumulative as
     * Prometheus wants them, and a last entry for +Inf. Read while writers record, a bucket may be
     * a request behind its neighbour; each count only grows.
     */
    public long[] bucketCounts() {
        long[] out = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            out[i] = running;
        }
        return out;
    }

    /** Quantiles over the recent window; {@code quantiles} are 0..1 (0.5, 0.99); NaN when empty. */
    public synchronized double[] quantileSeconds(long nowNanos, double... quantiles) {
        interval = recorder.getIntervalHistogram(interval);
        if (windowStart == Long.MIN_VALUE) windowStart = nowNanos;
        if (nowNanos - windowStart >= WINDOW_NANOS) {
            Histogram oldest = previous;
            previous = current;
            current = oldest;
            current.reset();
            windowStart = nowNanos;
        }
        current.add(interval);
        Histogram both = previous.copy();
        both.add(current);
        double[] out = new double[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            out[i] = both.getTotalCount() == 0 ? Double.NaN : both.getValueAtPercentile(quantiles[i] * 100) / 1e9;
        }
        return out;
    }
}
