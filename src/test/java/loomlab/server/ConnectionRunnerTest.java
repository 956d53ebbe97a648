package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import loomlab.config.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mode strategy's answers, per mode: the only place that knows which mode is which. */
class ConnectionRunnerTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyModeHasItsStrategy(Mode mode) {
        assertEquals(mode.name(), ConnectionRunner.of(mode).name());
    }

    @Test
    void serialServesOneConnectionAtATimeTheOthersTheirLimit() {
        assertEquals(1, ConnectionRunner.SERIAL.connectionsAtOnce(10_000));
        assertEquals(10_000, ConnectionRunner.VIRTUAL.connectionsAtOnce(10_000));
        assertEquals(10_000, ConnectionRunner.PLATFORM.connectionsAtOnce(10_000));
    }

    @Test
    void onlySerialIsNotedInTheStartupLine() {
        assertEquals(" (one client at a time)", ConnectionRunner.SERIAL.note());
        assertEquals("", ConnectionRunner.VIRTUAL.note());
        assertEquals("", ConnectionRunner.PLATFORM.note());
    }

    @Test
    void onlyTheVirtualModeAcceptsOnAVirtualThread() {
        Runnable nothing = () -> { };
        assertTrue(ConnectionRunner.VIRTUAL.acceptThread().unstarted(nothing).isVirtual());
        for (ConnectionRunner platform : new ConnectionRunner[] {ConnectionRunner.SERIAL, ConnectionRunner.PLATFORM}) {
            Thread t = platform.acceptThread().unstarted(nothing);
            assertFalse(t.isVirtual(), platform.name());
            assertTrue(t.isDaemon(), platform + ": the accept loop does not keep the JVM alive");
        }
    }

    @Test
    void serialServesTheConnectionOnTheAcceptLoopsOwnThreadBeforeReturning() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        ConnectionRunner.SERIAL.handOver("calc").run(() -> ranOn.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void virtualHandsEachConnectionToANewVirtualThread() {
        Thread t = handedOverTo(ConnectionRunner.VIRTUAL);
        assertTrue(t.isVirtual());
        assertEquals("echo-conn", t.getName());
    }

    @Test
    void platformHandsEachConnectionToANewPlatformThread() {
        Thread t = handedOverTo(ConnectionRunner.PLATFORM);
        assertFalse(t.isVirtual());
        assertTrue(t.isDaemon());
        assertEquals("echo-conn-1", t.getName());
    }

    private static Thread handedOverTo(ConnectionRunner runner) {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        runner.handOver("echo").run(() -> ranOn.set(Thread.currentThread()));
        await().atMost(Duration.ofSeconds(10)).until(() -> ranOn.get() != null);
        assertTrue(ranOn.get() != Thread.currentThread());
        return ranOn.get();
    }
}
