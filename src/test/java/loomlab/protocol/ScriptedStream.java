package loomlab.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link ByteStream} over byte arrays: the client's writes arrive as the given chunks, one
 * chunk per read (so a test decides the fragmentation exactly), then end-of-stream or a timeout.
 * Everything the protocol writes is collected.
 */
public final class ScriptedStream implements ByteStream {

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private boolean timeoutAtEnd;
    private int reads;

    public static ScriptedStream of(byte[]... chunks) {
        ScriptedStream s = new ScriptedStream();
        for (byte[] c : chunks) s.chunks.add(c);
        return s;
    }

    /** Every byte as its own chunk: the most fragmented client possible. */
    public static ScriptedStream byteByByte(byte[] data) {
        ScriptedStream s = new ScriptedStream();
        for (byte b : data) s.chunks.add(new byte[] {b});
        return s;
    }

    /** After the chunks, the read times out instead of reaching end-of-stream. */
    public ScriptedStream thenTimeout() {
        timeoutAtEnd = true;
        return this;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        reads++;
        byte[] next = chunks.peek();
        if (next == null) {
            if (timeoutAtEnd) throw new SocketTimeoutException("Read timed out");
            return -1;
        }
        int n = Math.min(len, next.length);
        System.arraycopy(next, 0, buf, off, n);
        chunks.pop();
        if (n < next.length) {
            byte[] rest = new byte[next.length - n];
            System.arraycopy(next, n, rest, 0, rest.length);
            chunks.push(rest);
        }
        return n;
    }

    @Override
    public int available() {
        byte[] next = chunks.peek();
        return next == null ? 0 : next.length;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        written.write(buf, off, len);
    }

    @Override
    public String peer() {
        return "test-peer:1";
    }

    public byte[] written() {
        return written.toByteArray();
    }

    public int reads() {
        return reads;
    }
}
