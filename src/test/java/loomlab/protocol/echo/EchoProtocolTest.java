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
    void theWaitingBufferFollowsTheMessageSize() throws IOException {
        byte[] line = Bytes.ascii("hola\n");
        byte[] kib = random(1024, 7);
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(line);
        for (int i = 0; i < 3; i++) chunks.add(kib);
        for (int i = 0; i < EchoProtocol.SHRINK_AFTER; i++) chunks.add(line);
        chunks.add(line);
        RecordingStream s = new RecordingStream(ScriptedStream.of(chunks.toArray(byte[][]::new)));
        echo.serve(s);

        // A line fits the first buffer; the first 1 KiB message fills it, and the buffer doubles
        // with each full read, so from the third message on a message takes one read.
        assertEquals(List.of(128, 128, 256, 512, 1024, 1024, 2048), s.readSizes.subList(0, 7));
        // After SHRINK_AFTER small reads in a row it halves again.
        int afterShrink = 7 + EchoProtocol.SHRINK_AFTER;
        assertEquals(2048, s.readSizes.get(afterShrink - 1));
        assertEquals(1024, s.readSizes.get(afterShrink));
        assertArrayEquals(concat(chunks), s.inner.written());
    }

    @Test
    void aStreamingClientBorrowsPooledBuffersAndWaitsWithTheSmallOneAgain() throws IOException {
        byte[] data = random(200_000, 3);
        byte[] line = Bytes.ascii("hola\n");
        RecordingStream s = new RecordingStream(ScriptedStream.of(data, line));
        echo.serve(s);

        assertEquals(List.of(128, 256, 512, 1024, 2048, 16 * 1024, 32 * 1024, 64 * 1024, 64 * 1024),
                s.readSizes.subList(0, 9));
        // The last bytes of the stream do not fill the large buffer: it goes back to the pool, and
        // the line (and the end of the stream) are read into the 2 KiB waiting buffer.
        assertEquals(List.of(2048, 2048), s.readSizes.subList(s.readSizes.size() - 2, s.readSizes.size()));
        assertArrayEquals(concat(List.of(data, line)), s.inner.written());
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(List<byte[]> parts) {
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
