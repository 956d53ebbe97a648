package loomlab.protocol.calc;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Incremental decoder of one calc request: three numbers, each ASCII text ended by a NUL byte,
 * in any fragmentation. Feed it whatever arrived; it keeps only the bytes of the number being
 * read, and rejects a number as soon as it grows past what any valid number could need.
 * Not thread-safe: one decoder per connection.
 */
public final class CalcRequestDecoder {

    private final int maxDigits;
    private final int maxFieldBytes;
    private final BigInteger[] numbers = new BigInteger[3];
    private int field;
    private byte[] pending = new byte[32];
    private int pendingLength;

    public CalcRequestDecoder(int maxDigits) {
        if (maxDigits < 1) throw new IllegalArgumentException("maxDigits must be >= 1");
        this.maxDigits = maxDigits;
        // Digits, as many underscores, a sign and generous whitespace: anything longer is invalid
        // or abusive, and the cap keeps one connection from buffering without bound.
        this.maxFieldBytes = 2 * maxDigits + 1024;
    }

    /**
     * Consumes bytes up to the end of the request. Returns how many bytes of {@code buf} were used:
     * less than {@code len} only when the request completed before the end of the chunk.
     */
    public int feed(byte[] buf, int off, int len) throws BadCalcRequest {
        int i = off;
        int end = off + len;
        while (i < end && field < 3) {
            int nul = indexOfNul(buf, i, end);
            int chunkEnd = nul < 0 ? end : nul;
            append(buf, i, chunkEnd - i);
            if (nul < 0) {
                i = end;
            } else {
                numbers[field] = CalcNumber.parse(pending, 0, pendingLength, maxDigits);
                field++;
                pendingLength = 0;
                i = nul + 1;
            }
        }
        return i - off;
    }

    public boolean isComplete() {
        return field == 3;
    }

    /** The decoded request; only valid once {@link #isComplete()}. */
    public CalcRequest request() {
        if (!isComplete()) throw new IllegalStateException("request not complete");
        return new CalcRequest(numbers[0], numbers[1], numbers[2]);
    }

    /** The reason to give when the input ended (peer closed, timeout) before the request did. */
    public String incompleteReason(String why) {
        String[] names = {"a", "b", "op"};
        if (field == 0 && pendingLength == 0) return why + " before any request";
        return why + " in the middle of the request (number '" + names[Math.min(field, 2)] + "' not terminated by NUL)";
    }

    private void append(byte[] buf, int off, int len) throws BadCalcRequest {
        if (len == 0) return;
        int needed = pendingLength + len;
        if (needed > maxFieldBytes) {
            throw new BadCalcRequest("number too long: more than " + maxFieldBytes + " bytes before its NUL");
        }
        if (needed > pending.length) {
            pending = Arrays.copyOf(pending, Math.min(maxFieldBytes, Math.max(needed, pending.length * 2)));
        }
        System.arraycopy(buf, off, pending, pendingLength, len);
        pendingLength = needed;
    }

    private static int indexOfNul(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) return i;
        }
        return -1;
    }
}
