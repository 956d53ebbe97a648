package loomlab.protocol.calc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The bytes the server sends back: the lecture's server sends {@code str(res) + "\0" + "\0"}. */
public final class CalcReplyEncoder {

    private CalcReplyEncoder() { }

    public static byte[] result(BigInteger value) {
        byte[] text = value.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[text.length + 2];
        System.arraycopy(text, 0, out, 0, text.length);
        return out; // the last two bytes are already NUL
    }

    /** {@code "ERROR " + reason + "\0"}: a client reading up to the first NUL sees the reason. */
    public static byte[] error(String reason) {
        byte[] text = ("ERROR " + reason).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }
}
