package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceLatencyTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void quantilesSumAndCountOfWhatWasRecorded() {
        ServiceLatency r = new ServiceLatency();
        for (int i = 1; i <= 100; i++) r.record(i * MS);
        double[] q = r.quantileSeconds(0, 0.5, 0.99, 1.0);
        assertEquals(0.050, q[0], 0.050 * 0.01, "median within HdrHistogram's 1%");
        assertEquals(0.099, q[1], 0.099 * 0.01);
        assertEquals(0.100, q[2], 0.100 * 0.01);
        assertEquals(100, r.count());
        assertEquals(5.050, r.sumSeconds(), 1e-9);
    }

    @Test
    void bucketsCountExactlyAndCumulativelyWithTheBoundItself() {
        ServiceLatency r = new ServiceLatency();
        long us = TimeUnit.MICROSECONDS.toNanos(1);
        for (long v : new long[] {40 * us, 50 * us, 51 * us, 2 * MS, 20_000 * MS}) r.record(v);
        long[] b = r.bucketCounts();
        double[] le = ServiceLatency.BUCKET_BOUNDS_SECONDS;
        assertEquals(le.length + 1, b.length, "one per bound and +Inf");
        assertEquals(0.00005, le[0]);
        assertEquals(2, b[0], "40 us and 50 us: le is 'less than or equal'");
        assertEquals(3, b[1], "51 us <= 100 us");
        assertEquals(3, b[4], "nothing more up to 1 ms");
        assertEquals(4, b[5], "2 ms <= 2.5 ms");
        assertEquals(4, b[le.length - 1], "20 s is above the last bound, 10 s");
        assertEquals(5, b[le.length], "+Inf is every request");
        assertEquals(r.count(), b[le.length]);
    }

    @Test
    void emptyIsNaNNotZero() {
        assertTrue(Double.isNaN(new ServiceLatency().quantileSeconds(0, 0.5)[0]));
    }

    @Test
    void quantilesForgetWhatIsOlderThanTwoWindows() {
        ServiceLatency r = new ServiceLatency();
        long t = 0;
        r.record(1_000 * MS);
        assertEquals(1.0, r.quantileSeconds(t, 0.5)[0], 0.01);
        t += ServiceLatency.WINDOW_NANOS;      // the slow request is in the previous window now
        r.record(MS);
        assertEquals(1.0, r.quantileSeconds(t, 1.0)[0], 0.01, "still within two windows");
        t += ServiceLatency.WINDOW_NANOS;      // and now it is gone
        r.record(MS);
        assertEquals(0.001, r.quantileSeconds(t, 1.0)[0], 0.001 * 0.01);
        assertEquals(3, r.count(), "count and sum stay totals since start, as Prometheus expects");
    }

    @Test
    void manyReadersDoNotLoseWhatOneOfThemTook() {
        ServiceLatency r = new ServiceLatency();
        r.record(5 * MS);
        r.quantileSeconds(0, 0.5);              // e.g. /metrics
        assertEquals(0.005, r.quantileSeconds(1, 0.5)[0], 0.005 * 0.01, "e.g. /status a moment later sees it too");
    }
}
