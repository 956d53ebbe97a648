package loomlab.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import loomlab.log.RateLimitedLog;
import loomlab.net.Sockets;
import loomlab.protocol.TracingStream;
import loomlab.server.TraceRecord.Ending;
import loomlab.text.Printable;

/**
 * The trace of one service ({@code "trace": true}, {@code serve --trace}): each exchange becomes
 * a {@link TraceRecord} in the service's {@link TraceRing}, and a debug log line (at most
 * {@value #LINES_PER_SECOND} a second; a flood is summarised). Only traced services have one,
 * and only their connections are wrapped in a {@link TracingStream}.
 */
final class Tracing {

    static final int LINES_PER_SECOND = 50;

    private final String service;
    private final Logger log;
    private final TraceRing ring = new TraceRing();
    private final RateLimitedLog lines;

    Tracing(String service, Logger log) {
        this.service = service;
        this.log = log;
        this.lines = new RateLimitedLog(log, Level.DEBUG, 1_000 / LINES_PER_SECOND);
    }

    TraceRing ring() {
        return ring;
    }

    /** A connection's stream, wrapped to keep what passes. */
    TracingStream wrap(TcpConnection connection) {
        return new TracingStream(connection, TraceRing.KEPT_BYTES);
    }

    /**
     * A traced connection ended; {@code unexpected} is the server's own failure, if any. How it
     * ended is read from what the stream saw: a timeout, then a reset, then a refusal, then a reply.
     */
    void ended(TracingStream s, InetAddress client, int port, long startMillis, long startNanos, String unexpected) {
        Ending ending;
        String reason;
        if (s.timeout() != null) {
            ending = Ending.TIMEOUT;
            reason = s.rejection() != null ? s.rejection() : s.timeout().getMessage();
        } else if (s.failure() != null) {
            ending = Ending.RESET;
            reason = s.rejection() != null ? s.rejection() : String.valueOf(s.failure().getMessage());
        } else if (s.rejection() != null) {
            ending = Ending.BAD_REQUEST;
            reason = s.rejection();
        } else if (unexpected != null) {
            ending = Ending.RESET;
            reason = unexpected;
        } else {
            ending = s.sentTotal() > 0 ? Ending.REPLY : Ending.CLOSED;
            reason = null;
        }
        add(new TraceRecord(startMillis, service, client.getHostAddress(), port, s.received(), s.receivedTotal(),
                s.sent(), s.sentTotal(), ending, reason, System.nanoTime() - startNanos));
    }

    /**
     * A UDP datagram: {@code request} from its position to its limit; {@code reply} from 0 to its
     * limit, or null when the datagram was dropped for {@code reason}.
     */
    void datagram(InetSocketAddress from, ByteBuffer request, ByteBuffer reply, String reason, long startMillis, long nanos) {
        byte[] in = new byte[Math.min(request.remaining(), TraceRing.KEPT_BYTES)];
        request.get(request.position(), in);
        byte[] out = new byte[0];
        if (reply != null) {
            out = new byte[Math.min(reply.limit(), TraceRing.KEPT_BYTES)];
            reply.get(0, out);
        }
        add(new TraceRecord(startMillis, service, from.getAddress().getHostAddress(), from.getPort(), in, request.remaining(),
                out, reply == null ? 0 : reply.limit(), reply == null ? Ending.BAD_REQUEST : Ending.REPLY, reason, nanos));
    }

    private void add(TraceRecord r) {
        ring.add(r);
        if (log.isLoggable(Level.DEBUG)) lines.log(() -> line(r));
    }

    /** One exchange, one line: who, how it ended, how long, the start of the bytes each way (escaped). */
    static String line(TraceRecord r) {
        return "trace: " + Sockets.hostPort(r.client(), r.clientPort()) + " " + r.ending().label() + (r.reason() == null ? "" : " (" + r.reason() + ")")
                + String.format(Locale.ROOT, " in %.3f ms", r.durationNanos() / 1e6)
                + "; received " + r.receivedTotal() + " bytes " + Printable.quote(r.received(), 0, r.received().length)
                + "; sent " + r.sentTotal() + " bytes " + Printable.quote(r.sent(), 0, r.sent().length);
    }
}
