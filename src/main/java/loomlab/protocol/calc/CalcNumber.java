package loomlab.protocol.calc;

import java.math.BigInteger;

/**
 * Parses one number of the calc protocol exactly as Python's {@code int(text, 10)} does for ASCII
 * text, because the lecture's server is {@code int(a, 10)}: surrounding whitespace, an optional
 * sign, decimal digits with single underscores between digits, arbitrary precision, and at most
 * {@code maxDigits} digits (Python's default limit is 4300).
 */
public final class CalcNumber {

    /** Python's default {@code sys.get_int_max_str_digits()}. */
    public static final int PYTHON_MAX_DIGITS = 4300;

    private CalcNumber() { }

    /**
     * The ASCII whitespace {@code int()} strips: space, \t, \n, \v, \f, \r (checked against
     * CPython 3.11, also by PythonCrossCheckTest: the separators \x1c-\x1f, although
     * {@code str.isspace()}, are rejected).
     */
    static boolean isWhitespace(int b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d);
    }

    public static BigInteger parse(byte[] buf, int off, int len, int maxDigits) throws BadCalcRequest {
        int start = off;
        int end = off + len;
        while (start < end && isWhitespace(buf[start])) start++;
        while (end > start && isWhitespace(buf[end - 1])) end--;
        if (start == end) {
            throw new BadCalcRequest("not a number: empty");
        }
        boolean negative = false;
        int pos = start;
        if (buf[pos] == '+' || buf[pos] == '-') {
            negative = buf[pos] == '-';
            pos++;
        }
        // Digits with single underscores strictly between digits.
        char[] digits = new char[end - pos];
        int count = 0;
        boolean lastWasDigit = false;
        for (int i = pos; i < end; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                digits[count++] = (char) b;
                lastWasDigit = true;
            } else if (b == '_' && lastWasDigit && i + 1 < end) {
                lastWasDigit = false;
            } else {
                throw new BadCalcRequest("not a number: " + CalcNumber.quote(buf, start, end - start));
            }
        }
        if (count == 0 || !lastWasDigit) {
            throw new BadCalcRequest("not a number: " + CalcNumber.quote(buf, start, end - start));
        }
        if (count > maxDigits) {
            throw new BadCalcRequest("number too long: " + count + " digits, the limit is " + maxDigits);
        }
        if (count <= 18) {
            long value = 0;
            for (int i = 0; i < count; i++) value = value * 10 + (digits[i] - '0');
            return BigInteger.valueOf(negative ? -value : value);
        }
        BigInteger value = new BigInteger(new String(digits, 0, count));
        return negative ? value.negate() : value;
    }

    /** A short, printable rendering of what the client sent, for the error reply and the log. */
    static String quote(byte[] buf, int off, int len) {
        return loomlab.text.Printable.quote(buf, off, len);
    }
}
