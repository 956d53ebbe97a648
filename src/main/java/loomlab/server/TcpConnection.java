package loomlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import loomlab.protocol.ByteStream;

/**
 * One accepted TCP connection as a protocol sees it: a {@link ByteStream} over the socket.
 *
 * <p>Time limits without a timer per connection. A read that waits longer than the idle timeout
 * and a write that makes no progress are seen by the listener's sweeper ({@link #readIdle},
 * {@link #writeStalled}); an idle read is then ended by shutting the input down, and reported to
 * the protocol as the {@link SocketTimeoutException} a socket timeout would have thrown. Not a
 * socket timeout because a timed read costs a timer task per read (schedule, cancel, a wake-up
 * of the JDK's delay scheduler): about 4 µs of CPU per echoed message, a quarter of the total.
 * A read deadline ({@link #limitReads}, calc) is rare enough to use the socket's read timeout:
 * it is shrunk to the time left before each read.
 */
final class TcpConnection implements ByteStream {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** The per-read idle timeout from the config; 0 = none. */
    private final int idleTimeoutMillis;
    private String peer;
    // Read side: used by the connection's own thread only.
    private boolean readsLimited;
    private long readDeadline;
    private int soTimeout = -1;
    /** When the write in progress began (System.nanoTime, never 0), or 0: read by the sweeper. */
    private volatile long writeStarted;
    /** The same for an untimed read; and whether the sweeper ended it for idleness. */
    private volatile long readStarted;
    private volatile boolean idleEnded;

    TcpConnection(Socket socket, int idleTimeoutMillis) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** Applies the socket options; called on the connection's own thread. */
    void start() throws IOException {
        socket.setTcpNoDelay(true);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (readsLimited) {
            shrinkTimeoutToDeadline();
            return in.read(buf, off, len);
        }
        readStarted = System.nanoTime() | 1;
        int n;
        try {
            n = in.read(buf, off, len);
        } finally {
            readStarted = 0;
        }
        if (n < 0 && idleEnded) throw new SocketTimeoutException("no data for " + idleTimeoutMillis + " ms (readTimeout)");
        return n;
    }

    /** True when an untimed read has waited longer than {@code limitNanos}: the peer sends nothing. */
    boolean readIdle(long nowNanos, long limitNanos) {
        long started = readStarted;
        return started != 0 && nowNanos - started > limitNanos;
    }

    /** Ends the idle read: it returns end-of-stream, which {@link #read} turns into a timeout. */
    void endIdleRead() {
        idleEnded = true;
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            close(); // already half gone: closing ends the read as well
        }
    }

    @Override
    public void limitReads(long timeoutNanos) {
        readsLimited = true;
        readDeadline = System.nanoTime() + timeoutNanos;
    }

    private void shrinkTimeoutToDeadline() throws IOException {
        long left = readDeadline - System.nanoTime();
        if (left <= 0) throw new SocketTimeoutException("read deadline passed");
        long leftMillis = (left + 999_999) / 1_000_000;
        long timeout = idleTimeoutMillis == 0 ? leftMillis : Math.min(leftMillis, idleTimeoutMillis);
        setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
    }

    private void setSoTimeout(int millis) throws IOException {
        if (millis != soTimeout) {
            socket.setSoTimeout(millis);
            soTimeout = millis;
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        writeStarted = System.nanoTime() | 1;
        try {
            out.write(buf, off, len);
        } finally {
            writeStarted = 0;
        }
    }

    /** True when a write has been blocked for longer than {@code limitNanos}: the peer does not read. */
    boolean writeStalled(long nowNanos, long limitNanos) {
        long started = writeStarted;
        return started != 0 && nowNanos - started > limitNanos;
    }

    @Override
    public String peer() {
        String p = peer;
        if (p == null) peer = p = describe((InetSocketAddress) socket.getRemoteSocketAddress());
        return p;
    }

    Socket socket() {
        return socket;
    }

    void close() {
        TcpListener.closeQuietly(socket);
    }

    /** "127.0.0.1:53422", "[::1]:53422" */
    static String describe(InetSocketAddress a) {
        if (a == null) return "?";
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
