package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.config.WireOrder;
import org.junit.jupiter.api.Test;

/** The pacer on a clock of the test's: exact intended starts, and exactly the waits they need. */
class PacerTest {

    /** Time stands still unless the test moves it; a sleep moves it to the deadline and is noted. */
    private static final class TestClock implements Pacer.Clock {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        TestClock(long now) {
            this.now = now;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
            sleeps.add(deadlineNanos);
            now = Math.max(now, deadlineNanos);
        }
    }

    private static LoadSettings settings(double rate, Duration think) {
        return new LoadSettings(Workload.ECHO, new InetSocketAddress("127.0.0.1", 1), 1, Duration.ofSeconds(1),
                Duration.ZERO, Duration.ZERO, 64, rate, think, List.of(), WireOrder.LITTLE,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void withARateTheIntendedStartsFollowTheScheduleNotTheAnswers() throws InterruptedException {
        // 1000 req/s: one every millisecond. A request answered late does not move the schedule.
        long start = 5_000_000_000L;
        TestClock clock = new TestClock(start);
        Pacer p = new Pacer(settings(1000, Duration.ZERO), clock);
        assertFalse(p.closedLoop());
        long first = p.awaitNext();
        assertTrue(first >= start && first < start + 1_000_000, "first request within the first interval");
        assertEquals(first, clock.now, "it waited until its start, no longer");
        clock.now = first + 50_000_000; // a 50 ms stall
        p.requestEnded(clock.now);
        long second = p.awaitNext();
        long third = p.awaitNext();
        assertEquals(1_000_000, second - first);
        assertEquals(1_000_000, third - second);
        assertEquals(first + 50_000_000, clock.now, "overdue requests go at once: the clock did not move");
        // Back on schedule: the next start is in the future and waited for.
        long last = 0;
        for (int k = 3; k <= 51; k++) last = p.awaitNext();
        assertEquals(first + 51 * 1_000_000L, last);
        assertEquals(last, clock.now);
        assertEquals(52, clock.sleeps.size(), "every intended start is waited for: " + clock.sleeps);
    }

    @Test
    void withThinkTimeTheNextRequestIsMeantOneThinkTimeAfterTheAnswer() throws InterruptedException {
        TestClock clock = new TestClock(7_000_000_000L);
        Pacer p = new Pacer(settings(0, Duration.ofMillis(1)), clock);
        assertFalse(p.closedLoop());
        long first = p.awaitNext();
        assertEquals(7_000_000_000L, first, "the first request goes at once");
        long end = first + 10_000;
        clock.now = end;
        p.requestEnded(end);
        assertEquals(end + 1_000_000, p.awaitNext());
        assertEquals(end + 1_000_000, clock.now, "and is waited for");
        assertEquals(List.of(end + 1_000_000), clock.sleeps);
    }

    @Test
    void aClosedLoopSendsAtOnce() throws InterruptedException {
        TestClock clock = new TestClock(3_000_000_000L);
        Pacer p = new Pacer(settings(0, Duration.ZERO), clock);
        assertTrue(p.closedLoop());
        assertEquals(3_000_000_000L, p.awaitNext(), "the first request is meant for now");
        clock.now += 40_000; // its answer came 40 µs later
        p.requestEnded(clock.now);
        assertEquals(3_000_040_000L, p.awaitNext(), "the next one for the moment the answer came");
        clock.now += 2_000_000_000L; // a 2 s stall: still no schedule to catch up with
        p.requestEnded(clock.now);
        assertEquals(5_000_040_000L, p.awaitNext());
        assertEquals(List.of(), clock.sleeps, "a closed loop never waits");
    }
}
