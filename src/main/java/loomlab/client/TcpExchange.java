package loomlab.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.config.Durations;
import loomlab.net.LookupException;
import loomlab.net.Resolver;
import loomlab.net.Sockets;

/**
 * One TCP connection of a lecture-style client: connect with a timeout (trying each address of the
 * host in turn, as Python's {@code socket.create_connection} does), send, read up to a NUL with a
 * read timeout. Every failure becomes a {@link ClientException} with a message that names the
 * server and what to check.
 */
public final class TcpExchange implements AutoCloseable {

    /** A reply longer than this without a NUL is not one of the lecture's protocols. */
    public static final int MAX_REPLY = 16 * 1024 * 1024;

    private final Socket socket;
    private final String where;
    private final Duration readTimeout;

    private TcpExchange(Socket socket, String where, Duration readTimeout) {
        this.socket = socket;
        this.where = where;
        this.readTimeout = readTimeout;
    }

    /** "127.0.0.1 port 10000", the lecture's wording. */
    public static String where(String host, int port) {
        return host + " port " + port;
    }

    public static TcpExchange connect(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws ClientException {
        String where = where(host, port);
        InetAddress[] addresses;
        try {
            addresses = Resolver.addresses(host, connectTimeout);
        } catch (LookupException e) {
            throw new ClientException(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, connectTimeout.toMillis()));
                socket.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
                return new TcpExchange(socket, where, readTimeout);
            } catch (ConnectException e) {
                problems.add(Resolver.text(address) + ": refused");
            } catch (SocketTimeoutException e) {
                problems.add(Resolver.text(address) + ": no answer within " + Durations.format(connectTimeout));
            } catch (IOException e) {
                problems.add(Resolver.text(address) + ": " + e.getMessage());
            }
            Sockets.closeQuietly(socket);
        }
        throw new ClientException(connectProblem(where, port, problems));
    }

    private static String connectProblem(String where, int port, List<String> problems) {
        boolean allRefused = problems.stream().allMatch(p -> p.endsWith(": refused"));
        boolean allTimedOut = problems.stream().allMatch(p -> p.contains(": no answer within "));
        String tried = " (tried " + String.join(", ", problems) + ")";
        if (allRefused) {
            return "connection refused by " + where + ": nothing is listening on port " + port
                    + " (is the server running? 'make run' starts loomlab's default services)";
        }
        if (allTimedOut) {
            return "timed out connecting to " + where + tried + "; a firewall may be dropping packets, or the host is down";
        }
        return "cannot connect to " + where + tried;
    }

    public void send(byte[] bytes) throws ClientException {
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new ClientException("sending to " + where + " failed: " + describe(e));
        }
    }

    /**
     * Reads up to the first NUL and returns the bytes before it; what follows the NUL (the calc
     * server's second NUL) is left unread.
     */
    public byte[] readUntilNul() throws ClientException {
        ByteArrayOutputStream received = new ByteArrayOutputStream(64);
        byte[] buf = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new ClientException("the server closed the connection before the NUL terminator"
                            + receivedSoFar(received));
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        received.write(buf, 0, i);
                        return received.toByteArray();
                    }
                }
                received.write(buf, 0, n);
                if (received.size() > MAX_REPLY) {
                    throw new ClientException("the server sent more than " + MAX_REPLY + " bytes without a NUL terminator");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new ClientException("timed out after " + Durations.format(readTimeout) + " waiting for the reply from "
                    + where + receivedSoFar(received) + "; raise it with --timeout");
        } catch (IOException e) {
            throw new ClientException("reading from " + where + " failed: " + describe(e) + receivedSoFar(received));
        }
    }

    private static String receivedSoFar(ByteArrayOutputStream received) {
        return received.size() == 0 ? " (nothing received)" : " (received " + received.size() + " bytes, no NUL)";
    }

    private static String describe(IOException e) {
        if (e instanceof SocketException && e.getMessage() != null && e.getMessage().contains("reset")) {
            return "the server reset the connection";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }
}
