package loomlab.protocol.calc;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import loomlab.protocol.ByteStream;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.StreamProtocol;

/**
 * The lecture's {@code server_calc.py} / {@code server_calc_conc.py}: read {@code a\0b\0op\0},
 * reply {@code result\0\0}, close. Bad input gets {@code ERROR <reason>\0} instead of a crash.
 */
public final class CalcProtocol implements StreamProtocol {

    private final int maxDigits;
    private final ProtocolEvents events;

    public CalcProtocol(int maxDigits, ProtocolEvents events) {
        this.maxDigits = maxDigits;
        this.events = Objects.requireNonNull(events);
    }

    @Override
    public void serve(ByteStream stream) throws IOException {
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
            }
        } catch (BadCalcRequest e) {
            reject(stream, e.reason());
            return;
        } catch (SocketTimeoutException e) {
            reject(stream, decoder.incompleteReason("timed out"));
            return;
        }
        byte[] reply = CalcReplyEncoder.result(decoder.request().result());
        stream.write(reply, 0, reply.length);
        events.requestServed(bytesIn, reply.length);
    }

    private void reject(ByteStream stream, String reason) {
        events.badRequest(stream.peer(), reason);
        byte[] reply = CalcReplyEncoder.error(reason);
        try {
            stream.write(reply, 0, reply.length);
        } catch (IOException gone) {
            // The client is gone or stopped reading: the warning above already tells the story.
        }
    }
}
