package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import loomlab.Bytes;
import loomlab.protocol.ProtocolEvents;
import loomlab.protocol.ScriptedStream;
import org.junit.jupiter.api.Test;

/** The calc protocol byte by byte, without a socket. */
class CalcProtocolTest {

    private final List<String> bad = new ArrayList<>();
    private final long[] served = new long[3];
    private final CalcProtocol calc = new CalcProtocol(4300, new ProtocolEvents() {
        @Override public void requestServed(long in, long out) { served[0]++; served[1] += in; served[2] += out; }
        @Override public void badRequest(String peer, String reason) { bad.add(peer + " " + reason); }
    });

    @Test
    void lectureExampleRepliesWithResultAndTwoNuls() throws IOException {
        // client_calc.py sends a=5, b=8, op=1 in six sendall calls.
        ScriptedStream s = ScriptedStream.of(Bytes.ascii("5"), new byte[1], Bytes.ascii("8"), new byte[1],
                Bytes.ascii("1"), new byte[1]);
        calc.serve(s);
        assertArrayEquals(Bytes.ascii("-3\0\0"), s.written(), Bytes.show(s.written()));
        assertEquals(List.of(), bad);
        assertEquals(1, served[0]);
        assertEquals(6, served[1]);
        assertEquals(4, served[2]);
    }

    @Test
    void byteAtATimeBigNumbers() throws IOException {
        String a = "1234567890123456789012345678901234567890";
        String b = "-9876543210987654321098765432109876543210";
        ScriptedStream s = ScriptedStream.byteByByte(Bytes.calcRequest(a, b, "0"));
        calc.serve(s);
        assertEquals("-8641975320864197532086419753208641975320\\0\\0", Bytes.show(s.written()));
    }

    @Test
    void badNumberGetsErrorLineWithNul() throws IOException {
        ScriptedStream s = ScriptedStream.of(Bytes.calcRequest("five", "8", "0"));
        calc.serve(s);
        assertEquals("ERROR not a number: \"five\"\\0", Bytes.show(s.written()));
        assertEquals(List.of("test-peer:1 not a number: \"five\""), bad);
        assertEquals(0, served[0]);
    }

    @Test
    void clientClosingMidRequestIsAnError() throws IOException {
        ScriptedStream s = ScriptedStream.of(Bytes.ascii("5\0008"));
        calc.serve(s);
        assertEquals("ERROR connection closed in the middle of the request (number 'b' not terminated by NUL)\\0",
                Bytes.show(s.written()));
        assertEquals(1, bad.size());
    }

    @Test
    void timeoutIsAnError() throws IOException {
        ScriptedStream s = ScriptedStream.of(Bytes.ascii("5\0")).thenTimeout();
        calc.serve(s);
        assertEquals("ERROR timed out in the middle of the request (number 'b' not terminated by NUL)\\0",
                Bytes.show(s.written()));
    }

    @Test
    void tooManyDigits() throws IOException {
        ScriptedStream s = ScriptedStream.of(Bytes.calcRequest("1".repeat(4301), "1", "0"));
        calc.serve(s);
        assertEquals("ERROR number too long: 4301 digits, the limit is 4300\\0", Bytes.show(s.written()));
    }
}
