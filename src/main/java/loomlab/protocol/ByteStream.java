package loomlab.protocol;

import java.io.IOException;

/**
 * The two directions of one connection, as a protocol sees them: blocking reads and writes of
 * bytes and nothing about sockets. The TCP transport implements it over a socket; tests implement
 * it over byte arrays, so every protocol can be checked byte by byte without a network.
 */
public interface ByteStream {

    /** Blocks until at least one byte is read; returns -1 once the peer has closed its side. */
    int read(byte[] buf, int off, int len) throws IOException;

    /** Bytes that can be read now without blocking (0 when unknown). */
    int available() throws IOException;

    /** Writes all {@code len} bytes, blocking while the peer does not read. */
    void write(byte[] buf, int off, int len) throws IOException;

    /** Who is on the other side, for log lines ("127.0.0.1:53422"). */
    String peer();

    /**
     * Bounds all further reads to {@code timeoutNanos} from now, however the bytes trickle in: a
     * read that would end after that instant throws {@link java.net.SocketTimeoutException}, and
     * the transport's per-read idle timeout still applies on top. The calc protocol uses it for its
     * request deadline. Streams that never block (in-memory ones in tests) may ignore it.
     */
    default void limitReads(long timeoutNanos) { }

    /**
     * The protocol refused what the peer sent; {@code reason} is what the peer is told. Called
     * once per refused request, next to {@link ProtocolEvents#badRequest}: a traced connection
     * ({@link TracingStream}) keeps it for its record; other streams ignore it.
     */
    default void rejected(String reason) { }
}
