package loomlab.protocol;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A {@link ByteStream} that passes everything through and keeps, for a trace, the first
 * {@code keep} bytes of each direction, the totals, and what went wrong: a refused request (with
 * the reason the peer was told), a read that timed out, a read or write that failed. Its two
 * buffers are allocated once, with the stream; nothing per read or write. A stream without
 * tracing is not wrapped at all, so an untraced connection pays nothing.
 */
public final class TracingStream implements ByteStream {

    private final ByteStream inner;
    private final byte[] received;
    private final byte[] sent;
    private int receivedKept;
    private int sentKept;
    private long receivedTotal;
    private long sentTotal;
    private String rejection;
    private SocketTimeoutException timeout;
    private IOException failure;

    public TracingStream(ByteStream inner, int keep) {
        this.inner = inner;
        this.received = new byte[keep];
        this.sent = new byte[keep];
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = inner.read(buf, off, len);
        } catch (SocketTimeoutException e) {
            if (timeout == null) timeout = e;
            throw e;
        } catch (IOException e) {
            if (failure == null) failure = e;
            throw e;
        }
        if (n > 0) {
            receivedKept += keep(buf, off, n, received, receivedKept);
            receivedTotal += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return inner.available();
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        try {
            inner.write(buf, off, len);
        } catch (IOException e) {
            if (failure == null) failure = e;
            throw e;
        }
        sentKept += keep(buf, off, len, sent, sentKept);
        sentTotal += len;
    }

    private static int keep(byte[] buf, int off, int len, byte[] into, int kept) {
        int n = Math.min(len, into.length - kept);
        if (n > 0) System.arraycopy(buf, off, into, kept, n);
        return Math.max(0, n);
    }

    @Override
    public String peer() {
        return inner.peer();
    }

    @Override
    public void limitReads(long timeoutNanos) {
        inner.limitReads(timeoutNanos);
    }

    @Override
    public void rejected(String reason) {
        if (rejection == null) rejection = reason;
        inner.rejected(reason);
    }

    /** The first bytes the peer sent (at most {@code keep}). */
    public byte[] received() {
        return Arrays.copyOf(received, receivedKept);
    }

    public long receivedTotal() {
        return receivedTotal;
    }

    /** The first bytes sent to the peer (at most {@code keep}). */
    public byte[] sent() {
        return Arrays.copyOf(sent, sentKept);
    }

    public long sentTotal() {
        return sentTotal;
    }

    /** What the protocol told the peer when it refused a request, or null. */
    public String rejection() {
        return rejection;
    }

    /** The first read that timed out, or null. */
    public SocketTimeoutException timeout() {
        return timeout;
    }

    /** The first read or write that failed otherwise (a reset, a lost connection), or null. */
    public IOException failure() {
        return failure;
    }
}
