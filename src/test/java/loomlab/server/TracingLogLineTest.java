package loomlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** With the log at debug, a traced exchange is one escaped log line; otherwise none, and the ring has it all the same. */
class TracingLogLineTest {

    /** Keeps the lines at or above {@code threshold}. */
    private static final class Lines implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Level threshold;

        Lines(Level threshold) {
            this.threshold = threshold;
        }

        @Override public String getName() { return "test"; }
        @Override public boolean isLoggable(Level level) { return level.getSeverity() >= threshold.getSeverity(); }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) lines.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) lines.add(format);
        }

        @Override
        public void log(Level level, Supplier<String> msg) {
            if (isLoggable(level)) lines.add(msg.get());
        }
    }

    private static void dropHostileDatagram(Tracing tracing) {
        ByteBuffer request = ByteBuffer.wrap(new byte[] {0x1b, ']', '0', ';', 'x', 0x07, 0, (byte) 0xff, '\n'});
        tracing.datagram(new InetSocketAddress("127.0.0.1", 50312), request, null, "dropped: a request is exactly 12 bytes",
                System.currentTimeMillis(), 250_000);
    }

    @Test
    void atDebugEachExchangeIsOneEscapedLine() {
        Lines log = new Lines(System.Logger.Level.DEBUG);
        Tracing tracing = new Tracing("calc-udp", log);
        dropHostileDatagram(tracing);
        assertEquals(List.of("trace: 127.0.0.1:50312 bad-request (dropped: a request is exactly 12 bytes) in 0.250 ms;"
                + " received 9 bytes \"\\x1b]0;x\\x07\\x00\\xff\\x0a\"; sent 0 bytes \"\""), log.lines);
        for (char c : log.lines.get(0).toCharArray()) assertTrue(c >= 0x20 && c < 0x7f, log.lines.get(0));
    }

    @Test
    void atInfoNoLineButTheRecordIsKept() {
        Lines log = new Lines(System.Logger.Level.INFO);
        Tracing tracing = new Tracing("calc-udp", log);
        dropHostileDatagram(tracing);
        assertEquals(List.of(), log.lines);
        assertEquals(1, tracing.ring().newestFirst().size());
    }
}
