package loomlab.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Service times of one service, for the latency summary. Writers (connection threads) only call
 * {@link #record}: a wait-free HdrHistogram {@link Recorder} plus two LongAdders, no lock and no
 * allocation. Readers (a metrics scrape, the stats line) take what was recorded since the last
 * read and fold it into a window of the last one to two minutes, so the quantiles follow the
 * present load instead of averaging over the whole uptime.
 */
public final class LatencyRecorder {

    /** Quantiles cover the current window and the one before it: 60 to 120 s of history. */
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Two significant digits: 1% resolution, a few tens of KB per histogram. */
    private static final int DIGITS = 2;

    private final Recorder recorder = new Recorder(DIGITS);
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
