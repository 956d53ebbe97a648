package loomlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import loomlab.net.Sockets;
import loomlab.protocol.ByteStream;

/**
 * One accepted TCP connection as a protocol sees it: a {@link ByteStream} over the socket.
 *
 * <p>Time limits without a timer per connection. A read that waits longer than the idle timeout
 * and a write that makes no progress are seen by the listener's sweeper ({@link #readOverdue},
 * {@link #writeStalled}); an idle read is then ended by shutting the input down, and reported to
 * the protocol as the {@link SocketTimeoutException} a socket timeout would have thrown. A read
 * deadline ({@link #limitReads}, calc) is enforced the same way. Not socket timeouts because a
 * timed read costs a timer task per read (schedule, cancel, a wake-up of the JDK's delay
 * scheduler): about 4 µs of CPU per echoed message, a quarter of the total.
 */
final class TcpConnection implements ByteStream {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String peer;
    /** Behind a balancer (PROXY protocol): the real client, and the client's bytes read with the header. */
    private InetSocketAddress client;
    private byte[] pending;
    private int pendingAt;
    // The read deadline: written by the connection's thread before the volatile readStarted, so
    // the sweeper sees it once it sees a read.
    private boolean readsLimited;
    private long readDeadline;
    /** When the write in progress began (System.nanoTime, never 0), or 0: read by the sweeper. */
    private volatile long writeStarted;
    /** The same for a read; and whether the sweeper ended it (idle or past the deadline). */
    private volatile long readStarted;
    private volatile boolean idleEnded;

    TcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Applies the socket options; called on the connection's own thread. */
    void start() throws IOException {
        socket.setTcpNoDelay(true);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (pending != null && len > 0) return readPending(buf, off, len);
        if (readsLimited && readDeadline - System.nanoTime() <= 0) throw new SocketTimeoutException("read deadline passed");
        readStarted = System.nanoTime() | 1;
        int n;
        try {
            n = in.read(buf, off, len);
        } finally {
            readStarted = 0;
        }
        if (n < 0 && idleEnded) throw new SocketTimeoutException("read ended by the time limit (readTimeout or request deadline)");
        return n;
    }

    /**
     * True when the read in progress has waited longer than {@code idleLimitNanos} (0 = no limit),
     * or is still waiting after the read deadline: the peer sends nothing, or not in time.
     */
    boolean readOverdue(long nowNanos, long idleLimitNanos) {
        long started = readStarted;
        if (started == 0) return false;
        return (idleLimitNanos > 0 && nowNanos - started > idleLimitNanos) || (readsLimited && nowNanos - readDeadline > 0);
    }

    /** Ends the idle read: it returns end-of-stream, which {@link #read} turns into a timeout. */
    void endIdleRead() {
        // Once is enough. On a busy machine the connection's thread may not have run yet when the
        // sweeper comes round again: a second shutdownInput would fail ("already shutdown") and
        // close the socket under the thread, which then loses its timeout (no ERROR reply, counted
        // as a vanished client instead of a timeout).
        if (idleEnded) return;
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

    /** Lifts {@link #limitReads} (the PROXY header's deadline, once the header is in). */
    void unlimitReads() {
        readsLimited = false;
    }

    /**
     * The connection came through a balancer: {@code realClient} (null for the balancer's own
     * connections, such as health checks) is who logs and limits see from now on, and
     * {@code early} are the client's first bytes, read along with the PROXY header.
     */
    void relayed(InetSocketAddress realClient, byte[] early) {
        if (realClient != null) {
            client = realClient;
            peer = Sockets.describe(realClient);
        }
        if (early.length > 0) pending = early;
    }

    /** The client's address: the real one behind a balancer, else the socket's peer. */
    InetAddress clientAddress() {
        return client != null ? client.getAddress() : socket.getInetAddress();
    }

    /** The client's port: the real one behind a balancer, else the socket's peer's. */
    int clientPort() {
        return client != null ? client.getPort() : socket.getPort();
    }

    /** The balancer's side of a relayed connection ("127.0.0.1:40312"), for the connection log line. */
    String via() {
        return client == null ? null : Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress());
    }

    private int readPending(byte[] buf, int off, int len) {
        int n = Math.min(len, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, buf, off, n);
        pendingAt += n;
        if (pendingAt == pending.length) pending = null;
        return n;
    }

    @Override
    public int available() throws IOException {
        return pending != null ? pending.length - pendingAt : in.available();
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
        if (p == null) peer = p = Sockets.describe((InetSocketAddress) socket.getRemoteSocketAddress());
        return p;
    }

    void close() {
        Sockets.closeQuietly(socket);
    }
}
