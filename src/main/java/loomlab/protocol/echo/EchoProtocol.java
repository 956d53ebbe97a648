package loomlab.protocol.echo;

import java.io.IOException;
import java.util.Objects;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.StreamProtocol;

/**
 * The lecture's {@code server_echo.py}: every byte received is sent back, binary-safe, until the
 * client closes its side. Reads and writes alternate on one thread; a client that writes a large
 * payload while reading the echo concurrently never deadlocks, because the server always drains
 * what it read before reading more.
 *
 * <p>Memory: a connection starts with a small buffer that doubles while reads fill it (a client
 * sending a lot) up to {@code maxBuffer}, so ten thousand idle connections do not hold ten
 * thousand large buffers.
 */
public final class EchoProtocol implements StreamProtocol {

    static final int INITIAL_BUFFER = 512;
    private final int maxBuffer;
    private final ProtocolEvents events;

    public EchoProtocol(int maxBuffer, ProtocolEvents events) {
        if (maxBuffer < INITIAL_BUFFER) throw new IllegalArgumentException("maxBuffer < " + INITIAL_BUFFER);
        this.maxBuffer = maxBuffer;
        this.events = Objects.requireNonNull(events);
    }

    @Override
    public void serve(ByteStream stream) throws IOException {
        byte[] buf = new byte[INITIAL_BUFFER];
        int n;
        while ((n = stream.read(buf, 0, buf.length)) >= 0) {
            stream.write(buf, 0, n);
            events.requestServed(n, n);
            if (n == buf.length && buf.length < maxBuffer) {
                buf = new byte[Math.min(maxBuffer, buf.length * 2)];
            }
        }
    }
}
