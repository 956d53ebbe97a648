package loomlab;

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
 * A test's client, as a student's would be: connecting with timeouts, reading the ways the
 * lecture's clients read, whole calc and echo exchanges, and the faults a client can cause.
 */
public final class Wire {

    /** How long a test's client waits to connect and for each read. */
    public record Timeouts(int connectMillis, int readMillis) { }

    /** The usual: a broken server fails the test instead of hanging it. */
    public static final Timeouts QUICK = new Timeouts(5_000, 10_000);

    /** Generous, for tests that wait for the server's own timeouts: never the one that fires. */
    public static final Timeouts PATIENT = new Timeouts(20_000, 20_000);

    private Wire() { }

    /** Connects with the {@link #QUICK} timeouts. */
    public static Socket connect(InetSocketAddress address) throws IOException {
        return connect(address, QUICK);
    }

    public static Socket connect(InetSocketAddress address, Timeouts timeouts) throws IOException {
        Socket s = new Socket();
        s.connect(address, timeouts.connectMillis());
        s.setSoTimeout(timeouts.readMillis());
        s.setTcpNoDelay(true);
        return s;
    }

    /** Reads everything until the server closes. */
    public static byte[] readAll(Socket s) throws IOException {
        return s.getInputStream().readAllBytes();
    }

    /** Everything until end-of-stream, as text (ISO-8859-1); a reset after some bytes counts as the end. */
    public static String textUntilClosed(InputStream in) throws IOException {
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

    /** Reads exactly n bytes. */
    public static byte[] readExactly(Socket s, int n) throws IOException {
        byte[] out = s.getInputStream().readNBytes(n);
        if (out.length != n) throw new IOException("closed after " + out.length + " of " + n + " bytes");
        return out;
    }

    /** Reads up to and including the first NUL, as the lecture's readNumber does. */
    public static byte[] readToNul(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) out.write(b);
        if (b < 0) throw new IOException("closed before NUL after " + Bytes.show(out.toByteArray()));
        out.write(0);
        return out.toByteArray();
    }

    /** One whole calc exchange: request in one write, the full reply until the server closes, shown escaped. */
    public static String calc(InetSocketAddress address, String a, String b, String op) throws IOException {
        try (Socket s = connect(address)) {
            s.getOutputStream().write(Bytes.calcRequest(a, b, op));
            return Bytes.show(readAll(s));
        }
    }

    /** Sends a calc request as it is, in one write, and returns the whole reply as text ({@link #PATIENT}). */
    public static String calc(InetSocketAddress to, String request) throws IOException {
        try (Socket s = connect(to, PATIENT)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return textUntilClosed(s.getInputStream());
        }
    }

    /** Sends {@code payload}, closes the sending side, returns what came back until the server closed ({@link #PATIENT}). */
    public static byte[] echo(InetSocketAddress to, byte[] payload) throws IOException {
        try (Socket s = connect(to, PATIENT)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write(payload);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] back = textUntilClosed(s.getInputStream()).getBytes(StandardCharsets.ISO_8859_1);
            join(writer);
            return back;
        }
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
