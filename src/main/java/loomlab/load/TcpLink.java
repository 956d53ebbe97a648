package loomlab.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** One client's TCP connection: opened with the run's source address and timeouts. */
final class TcpLink implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpLink(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
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
            socket.setSoTimeout((int) s.readTimeout().toMillis());
            socket.connect(s.target(), (int) s.connectTimeout().toMillis());
            TcpLink link = new TcpLink(socket);
            ctx.stats.addConnect();
            return link;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            ctx.connectSlots.release();
        }
    }

    void write(byte[] data, int len) throws IOException {
        out.write(data, 0, len);
    }

    /** Reads exactly {@code len} bytes, or fails: EOF before that is the server closing early. */
    void readFully(byte[] buf, int len) throws IOException {
        int got = 0;
        while (got < len) {
            int n = in.read(buf, got, len - got);
            if (n < 0) throw new EOFException("the server closed the connection after " + got + " of " + len + " bytes");
            got += n;
        }
    }

    /**
     * Reads until the first NUL, as the lecture's clients do; returns the bytes before it, or -1
     * when the buffer filled up without one.
     */
    int readUntilNul(byte[] buf) throws IOException {
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the server may already be gone
        }
    }
}
