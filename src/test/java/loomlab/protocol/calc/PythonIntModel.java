package loomlab.protocol.calc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference model of Python's {@code int(text, 10)} for ASCII text, written from the language
 * reference rather than from {@link CalcNumber}, so the two can disagree: surrounding whitespace
 * (space, \t, \n, \v, \f, \r: C's {@code isspace}, which is what {@code int()} applies to ASCII; the
 * separators \x1c-\x1f count as space for {@code str.isspace()} but not here), an optional sign, digits
 * with single underscores between digits, and at most {@code maxDigits} digits
 * ({@code sys.get_int_max_str_digits()}). {@link PythonCrossCheckTest} holds it against python3.
 */
final class PythonIntModel {

    private static final String WS = "[ \\t\\n\\x0B\\f\\r]*";
    private static final Pattern INT = Pattern.compile(WS + "([+-]?)([0-9]+(?:_[0-9]+)*)" + WS);

    private PythonIntModel() { }

    /** The value Python gives, or empty where Python raises ValueError. */
    static Optional<BigInteger> parse(byte[] text, int maxDigits) {
        Matcher m = INT.matcher(new String(text, StandardCharsets.ISO_8859_1));
        if (!m.matches()) return Optional.empty();
        String digits = m.group(2).replace("_", "");
        if (digits.length() > maxDigits) return Optional.empty();
        BigInteger v = new BigInteger(digits);
        return Optional.of(m.group(1).equals("-") ? v.negate() : v);
    }

    /** What the lecture's server computes: {@code a + b} when {@code op == 0}, else {@code a - b}. */
    static BigInteger answer(BigInteger a, BigInteger b, BigInteger op) {
        return op.signum() == 0 ? a.add(b) : a.subtract(b);
    }
}
