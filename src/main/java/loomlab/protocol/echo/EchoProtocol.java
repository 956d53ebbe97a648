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
 * <p>Memory. Most of the time a connection waits for its client, holding the buffer it will read
 * into. That buffer follows the client's message size: it starts at {@value #MIN_BUFFER} bytes (a
 * typed line or a benchmark's 64-byte message fits), doubles when a read fills it, up to
 * {@value #MAX_WAITING_BUFFER}, and halves again after {@value #SHRINK_AFTER} reads in a row that
 * used less than a quarter of it. So an idle connection of a lecture client holds 128 bytes, and
 * a client that sends 1 KiB messages gets each one in a single read. A client that streams more
 * than that borrows large buffers from the service's pool (growing to {@code maxBuffer}) only while
 * data keeps coming, and gives them back as soon as a read no longer fills the buffer, before it
 * waits again. No allocation per message.
 */
public final class EchoProtocol implements StreamProtocol {

    static final int MIN_BUFFER = 128;
    static final int MAX_WAITING_BUFFER = 2048;
    static final int SHRINK_AFTER = 16;
    static final int POOLED_BUFFER = 16 * 1024;

    private final int maxBuffer;
    private final ProtocolEvents events;
    private final BufferPool pool;

    public EchoProtocol(int maxBuffer, ProtocolEvents events) {
        if (maxBuffer < MAX_WAITING_BUFFER) throw new IllegalArgumentException("maxBuffer < " + MAX_WAITING_BUFFER);
        this.maxBuffer = maxBuffer;
        this.events = Objects.requireNonNull(events);
        // A large buffer is in use only between a read and the end of its write: a few per core suffice.
        this.pool = new BufferPool(Math.min(POOLED_BUFFER, maxBuffer), 4 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void serve(ByteStream stream) throws IOException {
        byte[] waiting = new byte[MIN_BUFFER]; // what the connection holds while it waits
        byte[] streaming = null;               // a large buffer, only while the client streams
        int smallReads = 0;
        try {
            while (true) {
                byte[] buf = streaming != null ? streaming : waiting;
                int n = stream.read(buf, 0, buf.length);
                if (n < 0) return;
                stream.write(buf, 0, n);
                events.requestServed(n, n);
                if (streaming != null) {
                    if (n == streaming.length) {
                        streaming = larger(streaming);
                    } else {
                        pool.giveBack(streaming); // caught up with the client: wait with the small one
                        streaming = null;
                    }
                } else if (n == waiting.length) {
                    smallReads = 0;
                    if (waiting.length < MAX_WAITING_BUFFER) {
                        waiting = new byte[waiting.length * 2];
                    } else {
                        streaming = pool.take();
                    }
                } else if (n < waiting.length / 4 && waiting.length > MIN_BUFFER) {
                    if (++smallReads == SHRINK_AFTER) {
                        waiting = new byte[waiting.length / 2];
                        smallReads = 0;
                    }
                } else {
                    smallReads = 0;
                }
            }
        } finally {
            if (streaming != null) pool.giveBack(streaming);
        }
    }

    /** The next buffer for a client that filled a pooled one: doubling up to maxBuffer. */
    private byte[] larger(byte[] buf) {
        if (buf.length >= maxBuffer) return buf;
        pool.giveBack(buf);
        return new byte[Math.min(maxBuffer, buf.length * 2)];
    }
}
