package loomlab.protocol.calc;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import loomlab.protocol.ByteStream;

/**
 * A connection without a socket for the calc property tests: the client's bytes arrive in the
 * given chunks, one per read, then end-of-stream; what the server writes is kept.
 */
final class ChunkedStream implements ByteStream {

    private final List<byte[]> chunks;
    private final IntConsumer onRead;
    private int next;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    long limitedTo = -1;

    ChunkedStream(List<byte[]> chunks) {
        this(chunks, i -> { });
    }

    /** {@code onRead} is told the index of each chunk before it is returned (a test clock ticks there). */
    ChunkedStream(List<byte[]> chunks, IntConsumer onRead) {
        this.chunks = new java.util.ArrayList<>(chunks);
        this.onRead = onRead;
    }

    /** Splits {@code data} at the given cut points (taken modulo its length, in any order). */
    static List<byte[]> split(byte[] data, List<Integer> cuts) {
        int[] points = cuts.stream().mapToInt(c -> data.length == 0 ? 0 : Math.floorMod(c, data.length + 1))
                .sorted().distinct().toArray();
        List<byte[]> out = new java.util.ArrayList<>();
        int from = 0;
        for (int p : points) {
            if (p > from) out.add(Arrays.copyOfRange(data, from, p));
            from = Math.max(from, p);
        }
        if (from < data.length) out.add(Arrays.copyOfRange(data, from, data.length));
        return out;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        if (next == chunks.size()) return -1;
        onRead.accept(next);
        byte[] c = chunks.get(next);
        // A chunk larger than the reader's buffer arrives over several reads, as on a socket.
        int n = Math.min(len, c.length);
        System.arraycopy(c, 0, buf, off, n);
        if (n < c.length) {
            chunks.set(next, Arrays.copyOfRange(c, n, c.length));
        } else {
            next++;
        }
        return n;
    }

    @Override
    public int available() {
        return next < chunks.size() ? chunks.get(next).length : 0;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        written.write(buf, off, len);
    }

    @Override
    public String peer() {
        return "test:0";
    }

    @Override
    public void limitReads(long timeoutNanos) {
        limitedTo = timeoutNanos;
    }
}
