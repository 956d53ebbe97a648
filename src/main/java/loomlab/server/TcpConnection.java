package loomlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import loomlab.protocol.ByteStream;

/**
 * One accepted TCP connection as a protocol sees it: a {@link ByteStream} over the socket. It is
 * kept for the whole life of the connection, idle or not, so it holds nothing it can compute when
 * asked: the peer's name is built only for the rare log line that wants it.
 */
final class TcpConnection implements ByteStream {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        return in.read(buf, off, len);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
    }

    @Override
    public String peer() {
        return describe((InetSocketAddress) socket.getRemoteSocketAddress());
    }

    Socket socket() {
        return socket;
    }

    /** "127.0.0.1:53422", "[::1]:53422" */
    static String describe(InetSocketAddress a) {
        if (a == null) return "?";
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
