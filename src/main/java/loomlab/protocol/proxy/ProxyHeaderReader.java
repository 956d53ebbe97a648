package loomlab.protocol.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import loomlab.protocol.ByteStream;

/**
 * Reads one PROXY protocol header from the start of a stream, before the protocol sees anything.
 * Reads no further than it must: the v2 block exactly (its length is in the fixed part), a v1
 * line in reads of at most what is left of the 107 bytes. A v1 header sent together with the
 * client's first bytes may therefore bring some of them along: they come back as
 * {@link Result#rest()}, and the transport hands them to the protocol first.
 *
 * <p>Bounded: at most {@link ProxyHeaderParser#MAX_LENGTH} bytes are buffered; the time limit is
 * the transport's ({@link ByteStream#limitReads}, set by the caller).
 */
public final class ProxyHeaderReader {

    /** The header, and the client's bytes read along with it (often none). */
    public record Result(ProxyHeader header, byte[] rest) { }

    private ProxyHeaderReader() { }

    public static Result read(ByteStream in) throws IOException, BadProxyHeader {
        byte[] buf = new byte[ProxyHeaderParser.MAX_LENGTH];
        int have = 0;
        while (true) {
            ProxyHeader header = ProxyHeaderParser.parse(buf, have);
            if (header != null) return new Result(header, Arrays.copyOfRange(buf, header.length(), have));
            int want = wanted(buf, have);
            int n = in.read(buf, have, want);
            if (n < 0 && have == 0) throw new EOFException("closed before sending a PROXY protocol header");
            if (n < 0) throw new BadProxyHeader("the connection closed after " + have + " bytes, inside the PROXY protocol header");
            have += n;
        }
    }

    /** How many bytes to ask for next, so that a v2 header is never read past. */
    private static int wanted(byte[] buf, int have) {
        if (have < ProxyHeaderParser.V2_FIXED_LENGTH && (have == 0 || buf[0] != 'P')) {
            return ProxyHeaderParser.V2_FIXED_LENGTH - have; // v2's fixed part, or the first bytes of v1
        }
        if (buf[0] == 'P') return ProxyHeaderParser.MAX_V1_LENGTH - have;
        int block = ((buf[14] & 0xff) << 8) | (buf[15] & 0xff); // the parser has checked it is in bounds
        return ProxyHeaderParser.V2_FIXED_LENGTH + block - have;
    }
}
