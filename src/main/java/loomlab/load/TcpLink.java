package loomlab.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import loomlab.net.Sockets;

/**
 * One client's TCP connection: opened with the run's source address and connect timeout. The read
 * timeout is not a socket option: the run's {@link TimeoutSweeper} cuts a request that waits too
 * long, and {@link #exchange} then fails with a {@link SocketTimeoutException}.
 */
final class TcpLink implements AutoCloseable {

    /** {@link #waitingSince} when no request is in progress; request stamps are odd, so never this. */
    private static final long IDLE = 0;
    /** {@link #waitingSince} once the sweeper has cut the request in progress. */
    private static final long CUT = 2;
    private static final VarHandle WAITING_SINCE;

    static {
        try {
            WAITING_SINCE = MethodHandles.lookup().findVarHandle(TcpLink.class, "waitingSince", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long readTimeoutMillis;
    /** When the request in progress was sent (System.nanoTime, made odd), or IDLE, or CUT. */
    @SuppressWarnings("unused") // through WAITING_SINCE
    private volatile long waitingSince;

    private TcpLink(Socket socket, long readTimeoutMillis) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Connects client {@code index}; at most {@link LoadContext#PARALLEL_CONNECTS} connect at once. */
    static TcpLink open(LoadContext ctx, int index) throws IOException, InterruptedException {
        LoadSettings s = ctx.settings;
        ctx.connectSlots.acquire();
        Socket socket = new Socket();
        try {
            InetAddress source = ctx.source(index);
            if (source != null) socket.bind(new InetSocketAddress(source, 0));
            socket.setTcpNoDelay(true);
            socket.connect(s.target(), (int) s.connectTimeout().toMillis());
            TcpLink link = new TcpLink(socket, s.readTimeout().toMillis());
            ctx.timeouts.watch(index, link);
            ctx.stats.addConnect();
            return link;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            ctx.connectSlots.release();
        }
    }

    /**
     * One echo round trip: writes {@code len} bytes of {@code request}, reads exactly {@code len}
     * bytes into {@code answer}. {@code sentNanos} (System.nanoTime) starts the read timeout.
     */
    void exchange(byte[] request, byte[] answer, int len, long sentNanos) throws IOException {
        begin(sentNanos);
        try {
            out.write(request, 0, len);
            readFully(answer, len);
        } catch (IOException e) {
            throw ended(e);
        }
        end();
    }

    /**
     * One calc round trip: writes the request, then reads until the first NUL, as the lecture's
     * clients do; returns the length before the NUL, or -1 when the buffer filled up without one.
     */
    int exchangeUntilNul(byte[] request, byte[] reply, long sentNanos) throws IOException {
        begin(sentNanos);
        int length;
        try {
            out.write(request, 0, request.length);
            length = readUntilNul(reply);
        } catch (IOException e) {
            throw ended(e);
        }
        end();
        return length;
    }

    private void begin(long sentNanos) {
        waitingSince = sentNanos | 1;
    }

    /** The answer is in: but if the sweeper cut the request meanwhile, it came too late. */
    private void end() throws SocketTimeoutException {
        if ((long) WAITING_SINCE.getAndSet(this, IDLE) == CUT) throw timedOut();
    }

    /** What a failed request reports: a timeout when the sweeper closed the socket under it. */
    private IOException ended(IOException e) {
        return (long) WAITING_SINCE.getAndSet(this, IDLE) == CUT ? timedOut() : e;
    }

    private SocketTimeoutException timedOut() {
        return new SocketTimeoutException("no answer within " + readTimeoutMillis + " ms (read timeout)");
    }

    /**
     * Called by the sweeper: when the request in progress has waited longer than
     * {@code limitNanos}, marks it cut and closes the socket, which ends a blocked read or write.
     * The mark is set atomically against {@link #end}: an answer that arrives at the same instant
     * either wins (not cut) or is reported as late.
     */
    boolean cutIfWaitingLonger(long nowNanos, long limitNanos) {
        long since = waitingSince;
        if (since == IDLE || since == CUT || nowNanos - since <= limitNanos) return false;
        if (!WAITING_SINCE.compareAndSet(this, since, CUT)) return false;
        close();
        return true;
    }

    /** Reads exactly {@code len} bytes, or fails: EOF before that is the server closing early. */
    private void readFully(byte[] buf, int len) throws IOException {
        int got = 0;
        while (got < len) {
            int n = in.read(buf, got, len - got);
            if (n < 0) throw new EOFException("the server closed the connection after " + got + " of " + len + " bytes");
            got += n;
        }
    }

    private int readUntilNul(byte[] buf) throws IOException {
        int got = 0;
        while (got < buf.length) {
            int n = in.read(buf, got, buf.length - got);
            if (n < 0) throw new EOFException("the server closed the connection after " + got + " bytes, before a NUL");
            for (int i = got; i < got + n; i++) {
                if (buf[i] == 0) return i;
            }
            got += n;
        }
        return -1;
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket); // the server may already be gone
    }
}
