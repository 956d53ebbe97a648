package loomlab.client;

import java.time.Duration;
import java.util.Arrays;

/**
 * The lecture's {@code client_echo.py}: send the message and a NUL, read back up to the NUL. Works
 * with loomlab's echo service and with the lecture's {@code server_echo.py}, which sends the bytes
 * back 16 at a time until the client closes.
 */
public final class EchoClient {

    /** {@code client_echo.py}'s message: {@code b'Esto es una cadena \0'} without its NUL. */
    public static final String LECTURE_MESSAGE = "Esto es una cadena ";

    private EchoClient() { }

    /** Sends {@code message} + NUL on a connected exchange; returns the echoed bytes, checked. */
    public static byte[] echo(TcpExchange exchange, byte[] message) throws ClientException, BadReplyException {
        if (indexOfNul(message) >= 0) {
            throw new IllegalArgumentException("the message contains a NUL byte: the echo client stops reading at the first one");
        }
        byte[] request = Arrays.copyOf(message, message.length + 1); // last byte NUL
        exchange.send(request);
        byte[] reply = exchange.readUntilNul();
        if (!Arrays.equals(reply, message)) {
            int at = Arrays.mismatch(reply, message);
            throw new BadReplyException("the echo differs from what was sent: sent " + message.length + " bytes, received "
                    + reply.length + ", first difference at byte " + at);
        }
        return reply;
    }

    /** Convenience for one connection, one message. */
    public static byte[] echo(String host, int port, byte[] message, Duration connectTimeout, Duration readTimeout)
            throws ClientException, BadReplyException {
        try (TcpExchange exchange = TcpExchange.connect(host, port, connectTimeout, readTimeout)) {
            return echo(exchange, message);
        }
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) return i;
        }
        return -1;
    }
}
