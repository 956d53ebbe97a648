package loomlab.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.Test;

/**
 * Pinning made visible. A virtual thread that blocks inside a class initializer cannot leave its
 * carrier on any JDK so far (21 to 25), so that is how this test pins one on purpose.
 */
class PinnedThreadWatchTest {

    /** Blocks 100 ms while being initialised: whoever triggers that is pinned meanwhile. */
    static final class SlowToInitialise {
        static {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }

        static void touch() { }
    }

    @Test
    void aPinnedVirtualThreadIsLoggedWithItsStackAndCounted() throws Exception {
        assumeTrue(PinnedThreadWatch.unsupportedReason() == null,
                "this runtime cannot report pinning: " + PinnedThreadWatch.unsupportedReason());
        RecordingLogger log = new RecordingLogger();
        try (PinnedThreadWatch watch = PinnedThreadWatch.start(Duration.ofMillis(20), log)) {
            assertTrue(watch.awaitStarted(Duration.ofSeconds(60)), "JFR recording started");
            Thread.ofVirtual().name("pinned-on-purpose").start(SlowToInitialise::touch).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> watch.pinnedCount() >= 1);
            RecordingLogger.Line warning = log.lines.stream().filter(l -> l.level() == Level.WARNING).findFirst().orElseThrow();
            assertTrue(warning.message().startsWith("a virtual thread was pinned to its carrier for "), warning.message());
            assertTrue(warning.message().contains("(thread pinned-on-purpose)"), warning.message());
            assertTrue(warning.message().contains("at " + SlowToInitialise.class.getName()), "the stack shows where: " + warning.message());
        }
    }

    @Test
    void aStopRightAfterTheStartWaitsUntilJfrHasStartedAndStopsIt() throws Exception {
        assumeTrue(PinnedThreadWatch.unsupportedReason() == null,
                "this runtime cannot report pinning: " + PinnedThreadWatch.unsupportedReason());
        PinnedThreadWatch watch = PinnedThreadWatch.start(Duration.ofMillis(20), new RecordingLogger());
        watch.close();
        // Returning earlier would let the JVM exit in the middle of JFR's start (JVMTI errors on stderr).
        assertTrue(watch.awaitStarted(Duration.ZERO), "close() returned while JFR was still starting");
        assertFalse(FlightRecorder.getFlightRecorder().getRecordings().stream()
                .anyMatch(r -> r.getState() == RecordingState.RUNNING), "no recording left running");
    }
}
