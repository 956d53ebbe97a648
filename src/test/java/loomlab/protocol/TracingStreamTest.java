package loomlab.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import loomlab.protocol.calc.CalcProtocol;
import org.junit.jupiter.api.Test;

/** The tracing decorator passes everything through and keeps the first bytes, the totals and the trouble. */
class TracingStreamTest {

    @Test
    void keepsTheFirstBytesEachWayAndCountsAll() throws Exception {
        byte[] big = new byte[1_000];
        Arrays.fill(big, (byte) 'x');
        ScriptedStream inner = ScriptedStream.of("hello ".getBytes(StandardCharsets.US_ASCII), big);
        TracingStream s = new TracingStream(inner, 16);
        byte[] buf = new byte[2048];
        int n;
        while ((n = s.read(buf, 0, buf.length)) >= 0) s.write(buf, 0, n);
        assertEquals(1_006, s.receivedTotal());
        assertEquals(1_006, s.sentTotal());
        assertEquals("hello xxxxxxxxxx", new String(s.received(), StandardCharsets.US_ASCII));
        assertEquals("hello xxxxxxxxxx", new String(s.sent(), StandardCharsets.US_ASCII));
        assertEquals(1_006, inner.written().length, "everything passed through");
        assertNull(s.rejection());
        assertNull(s.timeout());
        assertNull(s.failure());
    }

    @Test
    void aRefusedCalcRequestKeepsTheReasonTheClientWasTold() throws Exception {
        TracingStream s = new TracingStream(ScriptedStream.of("abc\0".getBytes(StandardCharsets.US_ASCII)), 256);
        new CalcProtocol(4300, ProtocolEvents.NONE).serve(s);
        assertNotNull(s.rejection());
        String reply = new String(s.sent(), StandardCharsets.US_ASCII);
        assertEquals("ERROR " + s.rejection() + "\0", reply);
        assertArrayEquals("abc\0".getBytes(StandardCharsets.US_ASCII), s.received());
    }

    @Test
    void aTimeoutIsKept() {
        TracingStream s = new TracingStream(ScriptedStream.of().thenTimeout(), 256);
        assertThrows(SocketTimeoutException.class, () -> s.read(new byte[8], 0, 8));
        assertNotNull(s.timeout());
    }
}
