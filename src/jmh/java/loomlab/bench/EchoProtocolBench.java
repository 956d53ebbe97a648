package loomlab.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.echo.EchoProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The echo loop without a network: one connection of {@value #MESSAGES} messages of {@code size}
 * bytes over an in-memory stream. Shows the protocol's own cost per message and, with
 * {@code -prof gc}, that a message costs no allocation (the small buffer is allocated once per
 * connection; larger messages borrow pooled buffers).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EchoProtocolBench {

    static final int MESSAGES = 1000;

    @Param({"64", "1024"})
    public int size;

    private final EchoProtocol echo = new EchoProtocol(64 * 1024, ProtocolEvents.NONE);

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long serveOneConnection() throws IOException {
        InMemoryStream s = new InMemoryStream(size, MESSAGES);
        echo.serve(s);
        return s.written;
    }

    /** The client sends {@code count} messages of {@code size} bytes, each in its own read. */
    static final class InMemoryStream implements ByteStream {
        private final int size;
        private int left;
        private int leftInMessage;
        long written;

        InMemoryStream(int size, int count) {
            this.size = size;
            this.left = count;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (leftInMessage == 0) {
                if (left == 0) return -1;
                left--;
                leftInMessage = size;
            }
            int n = Math.min(len, leftInMessage);
            buf[off] = (byte) left; // touch the buffer, as a real read would
            leftInMessage -= n;
            return n;
        }

        @Override public int available() { return leftInMessage; }
        @Override public void write(byte[] buf, int off, int len) { written += len + buf[off]; }
        @Override public String peer() { return "bench:1"; }
    }
}
