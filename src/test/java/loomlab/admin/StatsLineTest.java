package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.config.ServiceConfig;
import loomlab.metrics.ServiceStats;
import loomlab.Wire;
import loomlab.server.Listener;
import org.junit.jupiter.api.Test;

class StatsLineTest {

    @Test
    void oneReadableLineWithEveryServiceAndTheJvm() throws Exception {
        try (ObservedServer s = new ObservedServer(); StatsLine line = StatsLine.start(s.server.listeners(), Duration.ZERO)) {
            long t0 = System.nanoTime();
            String first = line.next(t0);
            assertTrue(first.startsWith("stats: echo 0 open, 0 conns, 0 req (0/s), 0 B in, 0 B out, 0 err | calc 0 open, 0 conns, 0 req (0/s),"),
                    first);
            for (int i = 0; i < 4; i++) Wire.calc(s.address("calc"), "1\0001\0000\0");
            Wire.calc(s.address("calc"), "x\0");
            Wire.echo(s.address("echo"), "x".repeat(1500).getBytes(StandardCharsets.US_ASCII));
            await().until(() -> s.stats("calc").active() == 0 && s.stats("echo").active() == 0);

            String second = line.next(t0 + TimeUnit.SECONDS.toNanos(2));
            assertTrue(second.contains("echo 0 open, 1 conns, "), second);
            assertTrue(second.contains(" 1.5 kB in, 1.5 kB out, 0 err | calc 0 open, 5 conns, 4 req (2/s), 24 B in, 12 B out, 1 err"
                    + " | calc-udp 0 req (0/s), 0 err | jvm "), second);
            assertTrue(second.matches(".* \\| jvm \\d+ threads, heap \\d+/\\d+ MB, fds \\d+/\\d+"), second);
            assertEquals(1, second.lines().count(), "one line");
        }
    }

    @Test
    void aLineThatFailsIsSkippedAndSaidAndTheNextOneComes() {
        AtomicInteger calls = new AtomicInteger();
        ServiceConfig echo = TestServers.echo(Mode.VIRTUAL);
        ServiceStats stats = new ServiceStats("echo");
        Listener flaky = new Listener() {
            @Override public ServiceConfig config() { return echo; }
            @Override public InetSocketAddress address() { return new InetSocketAddress(0); }
            @Override public ServiceStats stats() {
                if (calls.getAndIncrement() == 0) throw new IllegalStateException("a bug in one tick");
                return stats;
            }
            @Override public void start() { }
            @Override public boolean running() { return true; }
            @Override public void shutdown(long deadlineNanos) { }
            @Override public void close() { }
            @Override public boolean awaitIdle(Duration timeout) { return true; }
        };
        Logger logger = Logger.getLogger("loomlab.stats");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getLevel() + " " + r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(handler);
        try (StatsLine line = StatsLine.start(List.of(flaky), Duration.ZERO)) {
            line.tick();
            line.tick();
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("WARNING stats line skipped: java.lang.IllegalStateException: a bug in one tick; the next one comes at its time",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("INFO stats: echo 0 open, 0 conns, "), lines.get(1));
    }

    @Test
    void bytesReadLikeAPersonWouldSayThem() {
        assertEquals("999 B", StatsLine.bytes(999));
        assertEquals("1.0 kB", StatsLine.bytes(1000));
        assertEquals("1.5 MB", StatsLine.bytes(1_500_000));
        assertEquals("2.0 GB", StatsLine.bytes(2_000_000_000L));
    }
}
