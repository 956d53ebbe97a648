package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import loomlab.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The number rules are Python's int(text, 10); every expected value below is what Python gives. */
class CalcNumberTest {

    private static BigInteger parse(String text) throws BadCalcRequest {
        byte[] b = Bytes.ascii(text);
        return CalcNumber.parse(b, 0, b.length, CalcNumber.PYTHON_MAX_DIGITS);
    }

    @ParameterizedTest(name = "int(\"{0}\") == {1}")
    @CsvSource(delimiter = '|', value = {
        "5|5",
        "-5|-5",
        "+5|5",
        "0|0",
        "-0|0",
        "007|7",
        "1_000|1000",
        "1_2_3|123",
        "0_0|0",
        "-1_0|-10",
        "1234567890123456789012345678901234567890|1234567890123456789012345678901234567890",
        "-1234567890123456789012345678901234567890|-1234567890123456789012345678901234567890",
        "999999999999999999|999999999999999999",
        "9223372036854775808|9223372036854775808",
    })
    void acceptsWhatPythonAccepts(String text, String expected) throws BadCalcRequest {
        assertEquals(new BigInteger(expected), parse(text));
    }

    @Test
    void surroundingWhitespaceIsIgnoredLikePythonStrip() throws BadCalcRequest {
        assertEquals(BigInteger.valueOf(42), parse(" \t\n\u000b\f\r42 \t\n\u000b\f\r"));
        assertEquals(BigInteger.valueOf(-7), parse("  -7\n"));
    }

    @Test
    void separatorsAreNotWhitespaceForInt() {
        // str.isspace() is true for \x1c-\x1f, but int("\x1c3\x1f", 10) raises ValueError.
        assertThrows(BadCalcRequest.class, () -> parse("\u001c3\u001f"));
    }

    @ParameterizedTest(name = "int(\"{0}\") raises ValueError")
    @ValueSource(strings = {"", " ", "abc", "1.5", "1e3", "0x10", "_1", "1_", "1__0", "+_1", "+", "-", "--1",
        "+-1", "- 1", "1 2", "12a", "a12", "1,000",
        // Not ASCII: the lecture's server would fail to decode or accept Unicode digits; the
        // protocol is ASCII text, so these are rejected.
        "\u00a01", "\u0663"})
    void rejectsWhatPythonRejects(String text) {
        BadCalcRequest e = assertThrows(BadCalcRequest.class, () -> parse(text));
        assertTrue(e.reason().startsWith("not a number"), e.reason());
    }

    @Test
    void digitLimitIsPythons4300() throws BadCalcRequest {
        assertEquals(4300, parse("9".repeat(4300)).toString().length());
        assertEquals(4300, parse("-" + "9".repeat(4300)).toString().length() - 1);
        BadCalcRequest e = assertThrows(BadCalcRequest.class, () -> parse("9".repeat(4301)));
        assertEquals("number too long: 4301 digits, the limit is 4300", e.reason());
    }

    @Test
    void underscoresDoNotCountAsDigits() throws BadCalcRequest {
        String text = "1_".repeat(4299) + "1"; // 4300 digits, 4299 underscores
        assertEquals(4300, parse(text).toString().length());
    }

    @Test
    void quoteShowsNonPrintableBytes() {
        byte[] b = {'a', 0x01, (byte) 0xff, '"'};
        assertEquals("\"a\\x01\\xff\\x22\"", CalcNumber.quote(b, 0, b.length));
    }
}
