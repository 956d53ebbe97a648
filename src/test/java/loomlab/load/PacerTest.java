package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import loomlab.config.WireOrder;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static LoadSettings settings(double rate, Duration think) {
        return new LoadSettings(Workload.ECHO, new InetSocketAddress("127.0.0.1", 1), 1, Duration.ofSeconds(1),
                Duration.ZERO, Duration.ZERO, 64, rate, think, List.of(), WireOrder.LITTLE,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void withARateTheIntendedStartsFollowTheScheduleNotTheAnswers() throws InterruptedException {
        // 1000 req/s: one every millisecond. A request answered late does not move the schedule.
        long start = System.nanoTime();
        Pacer p = new Pacer(settings(1000, Duration.ZERO), start);
        long first = p.awaitNext();
        p.requestEnded(first + 50_000_000); // a 50 ms stall
        long second = p.awaitNext();
        long third = p.awaitNext();
        assertEquals(1_000_000, second - first);
        assertEquals(1_000_000, third - second);
        assertTrue(first >= start && first < start + 1_000_000, "first request within the first interval");
    }

    @Test
    void withThinkTimeTheNextRequestIsMeantOneThinkTimeAfterTheAnswer() throws InterruptedException {
        Pacer p = new Pacer(settings(0, Duration.ofMillis(1)), System.nanoTime());
        long first = p.awaitNext();
        long end = first + 10_000;
        p.requestEnded(end);
        assertEquals(end + 1_000_000, p.awaitNext());
    }

    @Test
    void aClosedLoopSendsAtOnce() throws InterruptedException {
        Pacer p = new Pacer(settings(0, Duration.ZERO), System.nanoTime());
        long before = System.nanoTime();
        long intended = p.awaitNext();
        assertTrue(intended >= before);
    }
}
