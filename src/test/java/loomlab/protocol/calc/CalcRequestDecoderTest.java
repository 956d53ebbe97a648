package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import loomlab.Bytes;
import org.junit.jupiter.api.Test;

class CalcRequestDecoderTest {

    private static final byte[] REQUEST = Bytes.calcRequest("5", "8", "1");

    @Test
    void wholeRequestInOneChunk() throws BadCalcRequest {
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        assertEquals(REQUEST.length, d.feed(REQUEST, 0, REQUEST.length));
        assertTrue(d.isComplete());
        assertEquals(new CalcRequest(BigInteger.valueOf(5), BigInteger.valueOf(8), BigInteger.ONE), d.request());
        assertEquals(BigInteger.valueOf(-3), d.request().result());
    }

    @Test
    void everySplitPointGivesTheSameRequest() throws BadCalcRequest {
        byte[] request = Bytes.calcRequest(" -12_345 ", "+678", "0");
        for (int cut1 = 0; cut1 <= request.length; cut1++) {
            for (int cut2 = cut1; cut2 <= request.length; cut2++) {
                CalcRequestDecoder d = new CalcRequestDecoder(4300);
                d.feed(request, 0, cut1);
                d.feed(request, cut1, cut2 - cut1);
                d.feed(request, cut2, request.length - cut2);
                assertTrue(d.isComplete(), "cuts " + cut1 + "," + cut2);
                assertEquals(BigInteger.valueOf(-12345 + 678), d.request().result());
            }
        }
    }

    @Test
    void oneByteAtATime() throws BadCalcRequest {
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        for (int i = 0; i < REQUEST.length; i++) {
            assertFalse(d.isComplete());
            d.feed(REQUEST, i, 1);
        }
        assertTrue(d.isComplete());
    }

    @Test
    void stopsAtTheEndOfTheRequest() throws BadCalcRequest {
        byte[] withTrailer = Bytes.ascii("1\0002\0000\0trailing");
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        assertEquals(6, d.feed(withTrailer, 0, withTrailer.length));
        assertEquals(BigInteger.valueOf(3), d.request().result());
    }

    @Test
    void opIsCompareToZeroLikeTheLecture() throws BadCalcRequest {
        assertEquals(BigInteger.valueOf(13), decode("5", "8", "0").result());
        assertEquals(BigInteger.valueOf(13), decode("5", "8", "-0").result());
        assertEquals(BigInteger.valueOf(-3), decode("5", "8", "1").result());
        assertEquals(BigInteger.valueOf(-3), decode("5", "8", "-7").result());
        assertEquals(BigInteger.valueOf(-3), decode("5", "8", "99999999999999999999999").result());
    }

    @Test
    void badNumberIsRejectedWhenItsNulArrives() {
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        byte[] bad = Bytes.ascii("12\0x");
        assertThrows(IllegalStateException.class, d::request);
        BadCalcRequest e = assertThrows(BadCalcRequest.class, () -> {
            d.feed(bad, 0, bad.length);
            d.feed(new byte[] {0}, 0, 1);
        });
        assertEquals("not a number: \"x\"", e.reason());
    }

    @Test
    void endlessNumberIsRejectedBeforeItsNul() {
        CalcRequestDecoder d = new CalcRequestDecoder(10);
        byte[] chunk = Bytes.ascii("1".repeat(100));
        BadCalcRequest e = assertThrows(BadCalcRequest.class, () -> {
            for (int i = 0; i < 20; i++) d.feed(chunk, 0, chunk.length);
        });
        assertTrue(e.reason().startsWith("number too long"), e.reason());
    }

    @Test
    void incompleteReasonNamesTheField() throws BadCalcRequest {
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        assertEquals("connection closed before any request", d.incompleteReason("connection closed"));
        byte[] part = Bytes.ascii("5\08");
        d.feed(part, 0, part.length);
        assertEquals("connection closed in the middle of the request (number 'b' not terminated by NUL)",
                d.incompleteReason("connection closed"));
    }

    private static CalcRequest decode(String a, String b, String op) throws BadCalcRequest {
        byte[] r = Bytes.calcRequest(a, b, op);
        CalcRequestDecoder d = new CalcRequestDecoder(4300);
        d.feed(r, 0, r.length);
        return d.request();
    }
}
