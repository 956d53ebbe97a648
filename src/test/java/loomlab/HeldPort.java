package loomlab;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nothing listens, held for the whole test. Closing a socket to free "its"
 * port races with every other test that binds port 0, so the port stays taken by a socket that
 * cannot receive: a TCP socket bound but not listening (a connect is refused), or a UDP socket
 * connected elsewhere (Linux answers datagrams from anyone else with ICMP port unreachable).
 */
public final class HeldPort implements AutoCloseable {

    private final AutoCloseable holder;
    private final int port;

    private HeldPort(AutoCloseable holder, int port) {
        this.holder = holder;
        this.port = port;
    }

    public static HeldPort tcp() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new HeldPort(socket, socket.getLocalPort());
    }

    public static HeldPort udp() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // the discard port: nothing will come from there, and nothing from anywhere else is received
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
        return new HeldPort(socket, socket.getLocalPort());
    }

    public int port() {
        return port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public void close() throws Exception {
        holder.close();
    }
}
