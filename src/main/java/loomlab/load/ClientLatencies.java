package loomlab.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Request latencies of all the load generator's clients, as they saw them, in microseconds, in
 * HdrHistogram recorders (a server's own service times are {@code metrics/ServiceLatency}).
 *
 * <p>Writers never lock: a {@link Recorder} is wait-free for writers. A recorder per client would
 * cost ten thousand clients about 1.5 GB at 3 significant digits, so clients share a few stripes
 * (client index modulo the stripe count); with several stripes per core the writers of one stripe
 * rarely meet. Two sets of stripes: the window one gets the values the client itself saw inside
 * the measured window, so that the window's histogram and its request count agree exactly; the
 * live one gets the others. Each value is recorded once, in one of the two: the progress line's
 * drain, once a second, takes both and hands the window's part on to the window's sum.
 */
public final class ClientLatencies {

    /** Values above this (ten minutes) are recorded as this: nothing waits longer in a load run. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int DIGITS = 3;

    private final Stripes live;
    private final Stripes window;
    private final Histogram windowSum = newHistogram();

    public ClientLatencies() {
        this(Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    }

    ClientLatencies(int stripeCount) {
        live = new Stripes(stripeCount);
        window = new Stripes(stripeCount);
        // A first drain makes every recorder allocate its spare histogram now, not during the run:
        // the demo's memory per connection must not include the recorder's own growth.
        live.drain();
        window.drain();
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, DIGITS);
    }

    /** Hot path: records one latency of the client with this index. */
    public void record(int client, long nanos, boolean inWindow) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000));
        (inWindow ? window : live).record(client, micros);
    }

    /** Everything recorded since the previous call: the progress line's last second. */
    public synchronized Histogram drainLive() {
        Histogram last = live.drain();
        Histogram inWindow = window.drain();
        windowSum.add(inWindow);
        last.add(inWindow);
        return last;
    }

    /** Everything recorded inside the measured window so far. */
    public synchronized Histogram window() {
        windowSum.add(window.drain());
        return windowSum.copy();
    }

    /** Recorders shared by the clients, drained by one reader at a time. */
    private static final class Stripes {
        private final Recorder[] recorders;
        /** One per recorder: a recorder takes back only histograms it handed out. */
        private final Histogram[] recycled;

        Stripes(int count) {
            recorders = new Recorder[count];
            recycled = new Histogram[count];
            for (int i = 0; i < count; i++) recorders[i] = new Recorder(HIGHEST_MICROS, DIGITS);
        }

        void record(int client, long micros) {
            recorders[client % recorders.length].recordValue(micros);
        }

        /** The values recorded since the previous drain, merged (a new histogram). */
        synchronized Histogram drain() {
            Histogram interval = newHistogram();
            for (int i = 0; i < recorders.length; i++) {
                recycled[i] = recorders[i].getIntervalHistogram(recycled[i]);
                interval.add(recycled[i]);
            }
            return interval;
        }
    }
}
