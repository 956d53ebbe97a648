package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler's figures on JDK 24+, and nothing (not zeros, not an error) before. */
class VirtualThreadSchedulerTest {

    @Test
    void figuresWhereTheJdkHasThemAndNothingElsewhere() {
        Optional<VirtualThreadScheduler.Figures> f = VirtualThreadScheduler.read();
        if (Runtime.version().feature() < 24) {
            assertTrue(f.isEmpty(), "JDK " + Runtime.version() + " has no scheduler bean");
            return;
        }
        assertTrue(f.isPresent(), "JDK 24+ registers jdk.management:type=VirtualThreadScheduler");
        int expected = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        assertEquals(expected, f.get().parallelism());
        assertTrue(f.get().mounted() >= 0 && f.get().queued() >= 0 && f.get().poolSize() >= 0, f.get().toString());
    }
}
