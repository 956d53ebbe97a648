package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import loomlab.metrics.RecordingLogger;
import loomlab.metrics.ServiceStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweeper alone, on real sockets: it closes a write the peer does not read and ends an overdue read. */
class TimeLimitSweeperTest {

    private final ServiceStats stats = new ServiceStats("sweep");
    private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final RecordingLogger log = new RecordingLogger();
    private TimeLimitSweeper sweeper;
    private Thread sweeperThread;
    private SocketPair pair;

    @AfterEach
    void stop() {
        if (sweeper != null) sweeper.stop();
        if (sweeperThread != null) sweeperThread.interrupt();
        if (pair != null) pair.close();
    }

    private TcpConnection sweptConnection(long readTimeoutMillis, long deadlineMillis) throws IOException {
        pair = SocketPair.open();
        open.add(pair.server);
        sweeper = new TimeLimitSweeper(open, readTimeoutMillis, deadlineMillis, 0, stats, ServiceLogs.of(log));
        assertTrue(sweeper.needed());
        sweeperThread = Thread.ofVirtual().name("sweep-timeouts").start(sweeper);
        return pair.server;
    }

    /** Runs what a connection's thread would do, keeping how it failed. */
    private void onItsThread(IoAction action) {
        Thread.ofVirtual().start(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void aWriteThePeerDoesNotReadIsClosedAfterTheReadTimeout() throws IOException {
        TcpConnection c = sweptConnection(200, 0);
        onItsThread(() -> {
            byte[] chunk = new byte[16 * 1024];
            while (true) c.write(chunk, 0, chunk.length); // the client never reads: this blocks
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        assertInstanceOf(SocketException.class, failure.get(), "the sweeper closed the socket under the write");
        assertEquals(1, stats.timeouts(), "a stalled write is the sweeper's to count");
        assertEquals(List.of(new RecordingLogger.Line(Level.WARNING, "closing connection from " + c.peer()
                + ": it has not read what the server sent for 200 ms (readTimeout)")), log.lines);
    }

    @Test
    void aReadThatWaitsLongerThanTheReadTimeoutEndsAsATimeout() throws IOException {
        TcpConnection c = sweptConnection(200, 0);
        onItsThread(() -> c.read(new byte[16], 0, 16)); // the client sends nothing
        await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        assertInstanceOf(SocketTimeoutException.class, failure.get());
        assertEquals(0, stats.timeouts(), "an idle read is counted by the connection's thread, which sees the timeout");
        assertEquals(List.of(), log.lines, "and logged by it");
    }

    @Test
    void aReadPastItsDeadlineEndsWithoutAnyReadTimeout() throws IOException {
        TcpConnection c = sweptConnection(0, 200);
        onItsThread(() -> {
            c.limitReads(TimeUnit.MILLISECONDS.toNanos(200));
            c.read(new byte[16], 0, 16);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        assertInstanceOf(SocketTimeoutException.class, failure.get());
    }

    @Test
    void withoutAnyLimitNoSweeperIsNeeded() {
        assertFalse(new TimeLimitSweeper(open, 0, 0, 0, stats, ServiceLogs.of(log)).needed());
        assertTrue(new TimeLimitSweeper(open, 0, 0, 5_000, stats, ServiceLogs.of(log)).needed(), "the PROXY header's limit");
    }
}
