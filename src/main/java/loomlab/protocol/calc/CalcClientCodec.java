package loomlab.protocol.calc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The client's half of the calc protocol, for the lecture's {@code client_calc.py} and the load
 * generator: encodes {@code a\0b\0op\0} and makes sense of what the server sent before its first NUL.
 */
public final class CalcClientCodec {

    /** What a server may answer, read up to (not including) the first NUL. */
    public sealed interface Reply {
        /** A number, as {@code str(res)} in the lecture's server. */
        record Result(BigInteger value) implements Reply { }
        /** loomlab's {@code ERROR <reason>} for a request it rejected. */
        record Error(String reason) implements Reply { }
        /** Anything else: not a calc server, or a broken one. */
        record Malformed(String shown) implements Reply { }
    }

    private CalcClientCodec() { }

    /** The request bytes; each number as Python's {@code str(n)}, each followed by a NUL. */
    public static byte[] request(BigInteger a, BigInteger b, BigInteger op) {
        return (a + "\0" + b + "\0" + op + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** Decodes the bytes before the first NUL of a reply. */
    public static Reply reply(byte[] buf, int off, int len) {
        String text = new String(buf, off, len, StandardCharsets.ISO_8859_1);
        if (text.startsWith("ERROR")) return new Reply.Error(text.substring(5).strip());
        try {
            // The reader on the other side is int(text, 10): accept exactly what it would.
            return new Reply.Result(CalcNumber.parse(buf, off, len, Integer.MAX_VALUE));
        } catch (BadCalcRequest e) {
            return new Reply.Malformed(len == 0 ? "an empty reply" : CalcNumber.quote(buf, off, len));
        }
    }
}
