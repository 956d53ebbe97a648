package loomlab.server;

import java.util.Locale;

/**
 * One exchange of a traced service, as {@code /traces} shows it: a TCP connection from its first
 * byte (after a PROXY header) to its close, or one UDP datagram and its reply.
 *
 * @param timeMillis    when it started (epoch milliseconds)
 * @param service       the service's name
 * @param client        the client's address without port (the real client behind a balancer)
 * @param clientPort    the client's port
 * @param received      the first bytes the client sent (at most {@link TraceRing#KEPT_BYTES})
 * @param receivedTotal all bytes the client sent
 * @param sent          the first bytes the server sent back
 * @param sentTotal     all bytes the server sent back
 * @param ending        how it ended
 * @param reason        for a bad request, what the client was told; for a timeout or a reset, what
 *                      happened; else null
 * @param durationNanos from the start to the end
 */
public record TraceRecord(long timeMillis, String service, String client, int clientPort,
                          byte[] received, long receivedTotal, byte[] sent, long sentTotal,
                          Ending ending, String reason, long durationNanos) {

    /** How an exchange ended; the first that applies, in this order: timeout, reset, bad request, reply, closed. */
    public enum Ending {
        /** The server answered (a calc result, an echo, a UDP reply). */
        REPLY,
        /** The server refused the request ({@link TraceRecord#reason} says why, as the client was told). */
        BAD_REQUEST,
        /** The client sent nothing, or not in time (readTimeout, requestDeadline). */
        TIMEOUT,
        /** The connection failed under the server: reset by the client, or lost. */
        RESET,
        /** The client closed before it got a reply, or without sending anything. */
        CLOSED;

        /** "reply", "bad-request", ...: the name in JSON and log lines. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the dashboard marks it: everything but a reply and a plain close. */
        public boolean bad() {
            return this == BAD_REQUEST || this == TIMEOUT || this == RESET;
        }
    }
}
