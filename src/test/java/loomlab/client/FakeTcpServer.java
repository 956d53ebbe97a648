package loomlab.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A one-connection TCP server on 127.0.0.1, port 0, that misbehaves on purpose: it reads the
 * client's request up to a number of NUL bytes, then does what the test says (send bytes and close,
 * close at once, or hold the connection open without answering).
 */
public final class FakeTcpServer implements AutoCloseable {

    /** What to do once the request has arrived. */
    public interface Behaviour {
        void respond(Socket client, CountDownLatch testOver) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final CountDownLatch release = new CountDownLatch(1);

    private FakeTcpServer(int nulsToRead, Behaviour behaviour) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-server").start(() -> {
            try (Socket client = listener.accept()) {
                readNuls(client.getInputStream(), nulsToRead);
                behaviour.respond(client, release);
            } catch (IOException | InterruptedException e) {
                // the test is over or the client went away: nothing to report
            }
        });
    }

    /** Reads the request, then sends {@code reply} and closes. */
    public static FakeTcpServer replying(int nulsToRead, byte[] reply) throws IOException {
        return new FakeTcpServer(nulsToRead, (client, testOver) -> client.getOutputStream().write(reply));
    }

    /** Reads the request, then holds the connection without a word until the test ends. */
    public static FakeTcpServer silent(int nulsToRead) throws IOException {
        return new FakeTcpServer(nulsToRead, (client, testOver) -> testOver.await());
    }

    public int port() {
        return listener.getLocalPort();
    }

    private static void readNuls(InputStream in, int count) throws IOException {
        int seen = 0;
        while (seen < count) {
            int b = in.read();
            if (b < 0) return;
            if (b == 0) seen++;
        }
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        listener.close();
    }
}
