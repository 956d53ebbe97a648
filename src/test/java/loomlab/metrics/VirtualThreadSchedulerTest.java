package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The scheduler's figures on JDK 24+, and nothing (not zeros, not an error) before. */
class VirtualThreadSchedulerTest {

    /** Read while a virtual thread of the test's runs (it spins: mounted until told to stop), so the counts are not zero. */
    @Test
    void figuresWhereTheJdkHasThemAndNothingElsewhere() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread spinner = Thread.ofVirtual().start(() -> {
            running.countDown();
            while (!stop.get()) Thread.onSpinWait();
        });
        Optional<VirtualThreadScheduler.Figures> f;
        try {
            running.await();
            f = VirtualThreadScheduler.read();
        } finally {
            stop.set(true);
            spinner.join();
        }
        if (Runtime.version().feature() < 24) {
            assertTrue(f.isEmpty(), "JDK " + Runtime.version() + " has no scheduler bean");
            return;
        }
        assertTrue(f.isPresent(), "JDK 24+ registers jdk.management:type=VirtualThreadScheduler");
        int expected = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        assertEquals(expected, f.get().parallelism());
        assertTrue(f.get().mounted() >= 1, "the spinning thread is mounted: " + f.get());
        assertTrue(f.get().poolSize() >= f.get().mounted(), "each mounted thread has a carrier in the pool: " + f.get());
        assertTrue(f.get().queued() >= 0, f.get().toString());
    }
}
