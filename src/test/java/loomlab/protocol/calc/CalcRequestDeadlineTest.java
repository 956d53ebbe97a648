package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loomlab.protocol.ProtocolEvents;
import org.junit.jupiter.api.Test;

/** The request deadline without sockets: a fake clock that advances with every read. */
class CalcRequestDeadlineTest {

    private long now;
    private final List<String> bad = new ArrayList<>();
    private final List<Long> served = new ArrayList<>();

    private final ProtocolEvents events = new ProtocolEvents() {
        @Override public void requestServed(long in, long out) { throw new AssertionError("the timed variant is used"); }
        @Override public void requestServed(long in, long out, long nanos) { served.add(nanos); }
        @Override public void badRequest(String peer, String reason) { bad.add(reason); }
    };

    /** One byte per read, the clock advancing {@code millisPerRead} before each. */
    private String serve(String request, Duration deadline, long millisPerRead) throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        for (byte b : request.getBytes(StandardCharsets.US_ASCII)) bytes.add(new byte[] {b});
        ChunkedStream stream = new ChunkedStream(bytes, i -> now += TimeUnit.MILLISECONDS.toNanos(millisPerRead));
        new CalcProtocol(CalcNumber.PYTHON_MAX_DIGITS, deadline, events, () -> now).serve(stream);
        if (!deadline.isZero()) assertEquals(deadline.toNanos(), stream.limitedTo, "the transport is told the deadline");
        return stream.written.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aTrickleThatOutlastsTheDeadlineGetsAnError() throws Exception {
        // 9 bytes, 100 ms apart: each read is quick, but 800 ms are over before the last one.
        String reply = serve("1234\0005\0000\0", Duration.ofMillis(800), 100);
        String reason = "request deadline of 800 ms passed in the middle of the request (number 'op' not terminated by NUL)";
        assertEquals("ERROR " + reason + "\0", reply);
        assertEquals(List.of(reason), bad);
        assertTrue(served.isEmpty());
    }

    @Test
    void aRequestCompleteWithinTheDeadlineIsAnswered() throws Exception {
        assertEquals("1239\0\0", serve("1234\0005\0000\0", Duration.ofSeconds(2), 100));
        assertEquals(List.of(TimeUnit.MILLISECONDS.toNanos(900)), served, "service time from the clock");
        assertTrue(bad.isEmpty());
    }

    @Test
    void zeroMeansNoDeadline() throws Exception {
        assertEquals("1\0\0", serve("3\0002\0001\0", Duration.ZERO, 60_000));
    }
}
