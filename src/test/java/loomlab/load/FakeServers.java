package loomlab.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Misbehaving servers on port 0, to check that the load generator notices: one that corrupts
 * echoes, one that answers calc with a fixed reply, one that never answers; and an echo that
 * notes when each message came.
 */
final class FakeServers implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private FakeServers(Consumer<Socket> handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread.ofVirtual().start(() -> handler.accept(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Echoes every chunk with its last byte changed. */
    static FakeServers corruptingEcho() throws IOException {
        return new FakeServers(s -> {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    buf[n - 1] ^= 1;
                    out.write(buf, 0, n);
                }
            } catch (IOException ignored) {
                // the client went away
            }
        });
    }

    /** Reads a calc request (three NULs), sends {@code reply}, closes. */
    static FakeServers calcReplying(String reply) throws IOException {
        return new FakeServers(s -> {
            try (s) {
                InputStream in = s.getInputStream();
                int nuls = 0;
                int b;
                while (nuls < 3 && (b = in.read()) >= 0) {
                    if (b == 0) nuls++;
                }
                s.getOutputStream().write(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the client went away
            }
        });
    }

    /**
     * An honest echo of messages of {@code size} bytes that notes when each message was in
     * (System.nanoTime, after its last byte was read: no earlier than the client sent it).
     */
    static FakeServers timedEcho(int size, Queue<Long> arrivals) throws IOException {
        return new FakeServers(s -> {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] message;
                while ((message = in.readNBytes(size)).length == size) {
                    arrivals.add(System.nanoTime());
                    out.write(message);
                }
            } catch (IOException ignored) {
                // the client went away
            }
        });
    }

    /** Accepts and holds the connection, never answering: what waiting in a serial server's backlog feels like. */
    static FakeServers silent() throws IOException {
        return new FakeServers(s -> { });
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) s.close();
    }
}
