package loomlab.check;

import java.time.Duration;

/**
 * What came back on one exchange, read with a deadline and a byte cap: the bytes (at most the
 * cap), how the reading ended and after how long (counted from the end of the request).
 */
public record Received(byte[] bytes, End end, Duration after) {

    /** How a bounded read ended. */
    public enum End {
        /** The reader had what it waited for (a NUL, a byte count, a datagram); the connection may still be open. */
        DONE,
        /** The server closed the connection (end of stream). */
        CLOSED,
        /** The server reset the connection (or the request could not be sent: broken pipe). */
        RESET,
        /** Nothing more arrived before the deadline. */
        TIMEOUT,
        /** The server sent more than the cap; reading stopped there. */
        CAP,
        /** The connection could not be made: nothing listens there (any more). */
        REFUSED,
        /** The connection could not be made within the connect timeout. */
        CONNECT_TIMEOUT
    }

    public Received {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** True when no connection was made at all. */
    public boolean notConnected() {
        return end == End.REFUSED || end == End.CONNECT_TIMEOUT;
    }

    /** How many NUL bytes came. */
    public int nuls() {
        int n = 0;
        for (byte b : bytes) if (b == 0) n++;
        return n;
    }

    /** Index of the first NUL, or -1. */
    public int firstNul() {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) return i;
        return -1;
    }
}
