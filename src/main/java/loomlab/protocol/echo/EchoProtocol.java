package loomlab.protocol.echo;

import java.io.IOException;
import java.util.Objects;
import loomlab.protocol.BufferPool;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.StreamProtocol;

/**
 * The lecture's {@code server_echo.py}: every byte received is sent back, binary-safe, until the
 * client closes its side. Reads and writes alternate on one thread; a client that writes a large
 * payload while reading the echo concurrently never deadlocks, because the server always drains
 * what it read before reading more.
 *
 * <p>Memory: most of the time a connection waits for its client, and while it waits it holds only
 * a {@value #SMALL_BUFFER}-byte buffer (a typed line or a benchmark's 64-byte message fits). A read
 * that fills the buffer means the client is sending a lot: the connection borrows a large buffer
 * from the service's pool (and grows beyond it up to {@code maxBuffer}), and gives it back as soon
 * as a read no longer fills it, that is when it has caught up with the client. So ten thousand
 * idle connections hold ten thousand small buffers, and a burst costs no allocation.
 */
public final class EchoProtocol implements StreamProtocol {

    static final int SMALL_BUFFER = 128;
    static final int POOLED_BUFFER = 16 * 1024;

    private final int maxBuffer;
    private final ProtocolEvents events;
    private final BufferPool pool;

    public EchoProtocol(int maxBuffer, ProtocolEvents events) {
        if (maxBuffer < SMALL_BUFFER) throw new IllegalArgumentException("maxBuffer < " + SMALL_BUFFER);
        this.maxBuffer = maxBuffer;
        this.events = Objects.requireNonNull(events);
        // A buffer is in use only between a read and the end of its write: a few per core suffice.
        this.pool = new BufferPool(Math.min(POOLED_BUFFER, maxBuffer), 4 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void serve(ByteStream stream) throws IOException {
        byte[] small = new byte[SMALL_BUFFER];
        byte[] buf = small;
        try {
            int n;
            while ((n = stream.read(buf, 0, buf.length)) >= 0) {
                stream.write(buf, 0, n);
                events.requestServed(n, n);
                if (n == buf.length) {
                    buf = larger(buf);
                } else if (buf != small) {
                    pool.giveBack(buf); // caught up with the client: wait with the small buffer
                    buf = small;
                }
            }
        } finally {
            if (buf != small) pool.giveBack(buf);
        }
    }

    /** The next buffer for a client that filled {@code buf}: pooled first, then doubling to maxBuffer. */
    private byte[] larger(byte[] buf) {
        if (buf.length >= maxBuffer) return buf;
        if (buf.length < pool.bufferSize()) return pool.take();
        pool.giveBack(buf);
        return new byte[Math.min(maxBuffer, buf.length * 2)];
    }
}
