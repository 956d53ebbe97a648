package loomlab.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Whole exchanges as a student's client makes them, and the faults it can cause, for the ops
 * tests ({@link loomlab.Wire} has the byte-level helpers).
 */
public final class Exchanges {

    /** Generous: these tests wait for the server's own timeouts, never for this one. */
    public static final int CLIENT_TIMEOUT_MILLIS = 20_000;

    private Exchanges() { }

    public static Socket connect(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.connect(to, CLIENT_TIMEOUT_MILLIS);
        s.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
        return s;
    }

    /** Sends a calc request in one write and returns the whole reply as text. */
    public static String calc(InetSocketAddress to, String request) throws IOException {
        try (Socket s = connect(to)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readAll(s.getInputStream());
        }
    }

    /** Sends {@code payload}, closes the sending side, returns what came back until the server closed. */
    public static byte[] echo(InetSocketAddress to, byte[] payload) throws IOException {
        try (Socket s = connect(to)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write(payload);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = readAll(s.getInputStream()).getBytes(StandardCharsets.ISO_8859_1);
            join(writer);
            return back;
        }
    }

    /** Everything until end-of-stream; a reset after some bytes counts as the end. */
    public static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
        } catch (SocketException reset) {
            if (out.size() == 0) throw reset;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The lecture's calc and echo both still answer correctly. */
    public static void assertCalcServes(InetSocketAddress calc) throws IOException {
        assertEquals("5\0\0", calc(calc, "2\0003\0000\0"), "a normal calc request");
    }

    public static void assertEchoServes(InetSocketAddress echo) throws IOException {
        byte[] hello = "hello, loomlab".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(hello, echo(echo, hello), "a normal echo");
    }

    /** Closes with a TCP reset instead of a FIN (SO_LINGER 0): a client that crashed. */
    public static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
