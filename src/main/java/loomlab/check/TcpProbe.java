package loomlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import loomlab.net.Sockets;

/**
 * One TCP connection to the server under check, every operation bounded: a connect timeout, reads
 * against one deadline for the whole reply (a server trickling a byte a second cannot stretch it)
 * and a cap on the bytes kept (a server sending gigabytes is cut off at the cap). Sends are small
 * except where a check writes from its own thread.
 */
final class TcpProbe implements AutoCloseable {

    /** When a bounded read has what it waited for. */
    interface Stop {
        boolean done(byte[] buf, int len);

        /** After {@code count} NUL bytes. */
        static Stop atNuls(int count) {
            return (buf, len) -> {
                int seen = 0;
                for (int i = 0; i < len; i++) if (buf[i] == 0 && ++seen == count) return true;
                return false;
            };
        }

        /** After {@code n} bytes. */
        static Stop atLength(int n) {
            return (buf, len) -> len >= n;
        }

        /** Only at the end of the stream (or the deadline, or the cap). */
        Stop AT_CLOSE = (buf, len) -> false;
    }

    /** The connection could not be made; {@code end} says why (refused or timed out). */
    static final class NotConnected extends Exception {
        private final Received.End end;

        NotConnected(Received.End end, String message) {
            super(message, null, false, false);
            this.end = end;
        }

        Received.End end() {
            return end;
        }

        /** What a check shows when it could not even connect. */
        Received received() {
            return new Received(new byte[0], end, Duration.ZERO);
        }
    }

    private final Socket socket;
    private final CheckTarget target;

    private TcpProbe(Socket socket, CheckTarget target) {
        this.socket = socket;
        this.target = target;
    }

    static TcpProbe connect(CheckTarget target) throws NotConnected {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // each write leaves as its own segment, as a fragmenting client's would
            socket.connect(target.socketAddress(), millis(target.connectTimeout()));
            return new TcpProbe(socket, target);
        } catch (ConnectException e) {
            Sockets.closeQuietly(socket);
            throw new NotConnected(Received.End.REFUSED, "refused");
        } catch (SocketTimeoutException e) {
            Sockets.closeQuietly(socket);
            throw new NotConnected(Received.End.CONNECT_TIMEOUT, "timed out");
        } catch (IOException e) {
            Sockets.closeQuietly(socket);
            throw new NotConnected(Received.End.REFUSED, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Connects, sends the pieces (with the target's pause between them), reads until {@code stop},
     * the end of the stream, the deadline or {@code cap} bytes, and closes.
     */
    static Received exchange(CheckTarget target, List<byte[]> pieces, Stop stop, int cap) {
        try (TcpProbe probe = connect(target)) {
            if (!probe.sendPieces(pieces)) return probe.resetAfterSend();
            return probe.read(stop, cap, target.timeout());
        } catch (NotConnected e) {
            return e.received();
        }
    }

    /** Sends the pieces with the pause between them; false when the server reset the connection. */
    boolean sendPieces(List<byte[]> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && !pause()) return false;
            if (!send(pieces.get(i))) return false;
        }
        return true;
    }

    /** Sends the bytes; false when the server reset the connection (or closed it, broken pipe). */
    boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(target.pause());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the check reports when a send failed: the server reset (or closed) before the request was out. */
    Received resetAfterSend() {
        return new Received(new byte[0], Received.End.RESET, Duration.ZERO);
    }

    /** Ends the sending direction, as {@code shutdown(SHUT_WR)}: the server's recv() returns b''. */
    boolean halfClose() {
        try {
            socket.shutdownOutput();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes with a reset (SO_LINGER 0), as a client that crashed or lost its network. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closing below is all that is left
        }
        Sockets.closeQuietly(socket);
    }

    /**
     * Reads until {@code stop} says so, the server closes or resets, {@code within} has passed
     * since the call, or {@code cap} bytes came. Every iteration reads at least a byte or ends, so
     * the loop is bounded by the cap and by the deadline.
     */
    Received read(Stop stop, int cap, Duration within) {
        return read(stop, cap, within, within);
    }

    /**
     * As {@link #read(Stop, int, Duration)}, for long replies: each read waits at most
     * {@code idle} for the next bytes, the whole read at most {@code total}.
     */
    Received read(Stop stop, int cap, Duration idle, Duration total) {
        long start = System.nanoTime();
        long deadline = start + total.toNanos();
        byte[] got = new byte[Math.min(cap, 1024)];
        int len = 0;
        Received.End end;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    end = Received.End.TIMEOUT;
                    break;
                }
                if (len == got.length) got = Arrays.copyOf(got, (int) Math.min(cap, 2L * got.length));
                socket.setSoTimeout(millis(Duration.ofNanos(Math.min(left, idle.toNanos()))));
                int n = in.read(got, len, got.length - len);
                if (n < 0) {
                    end = Received.End.CLOSED;
                    break;
                }
                len += n;
                if (stop.done(got, len)) {
                    end = Received.End.DONE;
                    break;
                }
                if (len >= cap) {
                    end = Received.End.CAP;
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            end = Received.End.TIMEOUT;
        } catch (IOException e) {
            end = Received.End.RESET;
        }
        return new Received(Arrays.copyOf(got, len), end, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
