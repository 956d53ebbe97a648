package loomlab.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import loomlab.net.Sockets;

/**
 * A connection over loopback on a port the OS chose, for testing a part of the listener alone:
 * the client's socket, and the accepted side as the {@link TcpConnection} the parts work on.
 * Small buffers, so that a peer that does not read stalls a writer soon.
 */
final class SocketPair implements AutoCloseable {

    private static final int BUFFER = 4 * 1024;

    final Socket client;
    final TcpConnection server;

    private SocketPair(Socket client, TcpConnection server) {
        this.client = client;
        this.server = server;
    }

    static SocketPair open() throws IOException {
        try (ServerSocket listening = new ServerSocket()) {
            listening.setReceiveBufferSize(BUFFER);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Socket client = new Socket();
            client.setReceiveBufferSize(BUFFER);
            client.connect(listening.getLocalSocketAddress());
            Socket accepted = listening.accept();
            accepted.setSendBufferSize(BUFFER);
            return new SocketPair(client, new TcpConnection(accepted));
        }
    }

    @Override
    public void close() {
        server.close();
        Sockets.closeQuietly(client);
    }
}
