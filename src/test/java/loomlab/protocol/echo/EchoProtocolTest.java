package loomlab.protocol.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loomlab.Bytes;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.ScriptedStream;
import org.junit.jupiter.api.Test;

class EchoProtocolTest {

    private final EchoProtocol echo = new EchoProtocol(64 * 1024, ProtocolEvents.NONE);

    @Test
    void lectureMessageComesBackUnchanged() throws IOException {
        byte[] msg = Bytes.ascii("Esto es una cadena \0");
        ScriptedStream s = ScriptedStream.of(msg);
        echo.serve(s);
        assertArrayEquals(msg, s.written());
    }

    @Test
    void binarySafeInAnyFragmentation() throws IOException {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        ScriptedStream s = ScriptedStream.of(slice(data, 0, 1), slice(data, 1, 100_000), slice(data, 100_001, 199_999));
        echo.serve(s);
        assertArrayEquals(data, s.written());
    }

    @Test
    void emptyConnectionWritesNothing() throws IOException {
        ScriptedStream s = ScriptedStream.of();
        echo.serve(s);
        assertEquals(0, s.written().length);
    }

    @Test
    void waitsWithTheSmallBufferAndBorrowsALargeOneOnlyForABurst() throws IOException {
        byte[] burst = new byte[1000];
        new Random(7).nextBytes(burst);
        byte[] line = Bytes.ascii("hola\n");
        RecordingStream s = new RecordingStream(ScriptedStream.of(line, burst, line));
        echo.serve(s);

        // line: small buffer, not filled; burst: fills the small buffer, the rest goes into a pooled
        // buffer that it does not fill (caught up), so the next wait is on the small buffer again.
        assertEquals(List.of(EchoProtocol.SMALL_BUFFER, EchoProtocol.SMALL_BUFFER, EchoProtocol.POOLED_BUFFER,
                EchoProtocol.SMALL_BUFFER, EchoProtocol.SMALL_BUFFER), s.readSizes);
        assertArrayEquals(concat(line, burst, line), s.inner.written());
    }

    @Test
    void aClientThatKeepsSendingGetsBuffersUpToTheMaximum() throws IOException {
        EchoProtocol capped = new EchoProtocol(64 * 1024, ProtocolEvents.NONE);
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        RecordingStream s = new RecordingStream(ScriptedStream.of(data));
        capped.serve(s);

        assertEquals(List.of(128, 16 * 1024, 32 * 1024, 64 * 1024, 64 * 1024), s.readSizes.subList(0, 5));
        assertArrayEquals(data, s.inner.written());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Remembers how large a buffer each read offered: what the connection held while it waited. */
    private static final class RecordingStream implements ByteStream {
        final ScriptedStream inner;
        final List<Integer> readSizes = new ArrayList<>();

        RecordingStream(ScriptedStream inner) {
            this.inner = inner;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            readSizes.add(len);
            return inner.read(buf, off, len);
        }

        @Override public int available() { return inner.available(); }
        @Override public void write(byte[] buf, int off, int len) { inner.write(buf, off, len); }
        @Override public String peer() { return inner.peer(); }
    }

    private static byte[] slice(byte[] data, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(data, from, out, 0, len);
        return out;
    }
}
