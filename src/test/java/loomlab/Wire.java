package loomlab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Socket helpers that read like the lecture's clients. */
public final class Wire {

    private Wire() { }

    /** Connects with timeouts, so a broken server fails the test instead of hanging it. */
    public static Socket connect(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, 5_000);
        s.setSoTimeout(10_000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Reads everything until the server closes. */
    public static byte[] readAll(Socket s) throws IOException {
        return s.getInputStream().readAllBytes();
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

    /** One whole calc exchange: request in one write, the full reply until the server closes. */
    public static String calc(InetSocketAddress address, String a, String b, String op) throws IOException {
        try (Socket s = connect(address)) {
            s.getOutputStream().write(Bytes.calcRequest(a, b, op));
            return Bytes.show(readAll(s));
        }
    }
}
