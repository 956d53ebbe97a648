package loomlab.protocol.calc;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.StreamProtocol;

/**
 * The lecture's {@code server_calc.py} / {@code server_calc_conc.py}: read {@code a\0b\0op\0},
 * reply {@code result\0\0}, close. Bad input gets {@code ERROR <reason>\0} instead of a crash.
 *
 * <p>The request deadline bounds the whole request, not each read: a client that trickles one
 * byte just before every read timeout would otherwise hold its connection forever. The protocol
 * checks its clock after every read, and asks the stream to cut a read that would outlast the
 * deadline ({@link ByteStream#limitReads}); no timer thread per connection.
 */
public final class CalcProtocol implements StreamProtocol {

    private final int maxDigits;
    private final long deadlineNanos;
    private final ProtocolEvents events;
    private final LongSupplier nanoClock;

    /** No request deadline: only the transport's read timeout applies. */
    public CalcProtocol(int maxDigits, ProtocolEvents events) {
        this(maxDigits, Duration.ZERO, events);
    }

    /** {@code requestDeadline} zero means none. */
    public CalcProtocol(int maxDigits, Duration requestDeadline, ProtocolEvents events) {
        this(maxDigits, requestDeadline, events, System::nanoTime);
    }

    /** With the clock to measure the deadline and service time by (tests pass a fake one). */
    public CalcProtocol(int maxDigits, Duration requestDeadline, ProtocolEvents events, LongSupplier nanoClock) {
        if (requestDeadline.isNegative()) throw new IllegalArgumentException("negative request deadline");
        this.maxDigits = maxDigits;
        this.deadlineNanos = requestDeadline.toNanos();
        this.events = Objects.requireNonNull(events);
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    @Override
    public Duration requestDeadline() {
        return Duration.ofNanos(deadlineNanos);
    }

    @Override
    public void serve(ByteStream stream) throws IOException {
        long start = nanoClock.getAsLong();
        if (deadlineNanos > 0) stream.limitReads(deadlineNanos);
        CalcRequestDecoder decoder = new CalcRequestDecoder(maxDigits);
        byte[] buf = new byte[128];
        long bytesIn = 0;
        try {
            while (!decoder.isComplete()) {
                int n = stream.read(buf, 0, buf.length);
                if (n < 0) {
                    reject(stream, decoder.incompleteReason("connection closed"));
                    return;
                }
                bytesIn += n;
                decoder.feed(buf, 0, n);
                if (!decoder.isComplete() && deadlinePassed(start)) {
                    reject(stream, decoder.incompleteReason(deadlineText()));
                    return;
                }
            }
        } catch (BadCalcRequest e) {
            reject(stream, e.reason());
            return;
        } catch (SocketTimeoutException e) {
            reject(stream, decoder.incompleteReason(deadlinePassed(start) ? deadlineText() : "timed out"));
            return;
        } catch (IOException e) {
            // A reset (or any failure) while reading: the client is gone mid-request. Counted and
            // logged like a close; the ERROR reply is attempted but will normally fail quietly.
            reject(stream, decoder.incompleteReason("connection lost"));
            return;
        }
        byte[] reply = CalcReplyEncoder.result(decoder.request().result());
        stream.write(reply, 0, reply.length);
        events.requestServed(bytesIn, reply.length, nanoClock.getAsLong() - start);
    }

    private boolean deadlinePassed(long start) {
        return deadlineNanos > 0 && nanoClock.getAsLong() - start >= deadlineNanos;
    }

    private String deadlineText() {
        return "request deadline of " + Duration.ofNanos(deadlineNanos).toMillis() + " ms passed";
    }

    private void reject(ByteStream stream, String reason) {
        events.badRequest(stream.peer(), reason);
        stream.rejected(reason);
        byte[] reply = CalcReplyEncoder.error(reason);
        try {
            stream.write(reply, 0, reply.length);
        } catch (IOException gone) {
            // The client is gone or stopped reading: the warning above already tells the story.
        }
    }
}
