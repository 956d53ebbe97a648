package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import loomlab.protocol.ProtocolEvents;

/**
 * The calc codec against its specification, on generated input: Python's {@code int(text, 10)}
 * (the model in {@link PythonIntModel}) and the lecture's {@code a + b if op == 0 else a - b}.
 */
class CalcCodecPropertiesTest {

    /** What int() strips around a number (C isspace; not \x1c-\x1f, see PythonIntModel). */
    static final String WHITESPACE = " \t\n\u000b\f\r";

    // ---- the number parser ----

    @Property(tries = 2000)
    void theParserAgreesWithPythonsIntRules(@ForAll("numberLike") String text, @ForAll @IntRange(min = 1, max = 30) int maxDigits) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        Optional<BigInteger> python = PythonIntModel.parse(bytes, maxDigits);
        if (python.isPresent()) {
            assertEquals(python.get(), parse(bytes, maxDigits), () -> "int(" + show(text) + ", 10)");
        } else {
            assertThrows(BadCalcRequest.class, () -> CalcNumber.parse(bytes, 0, bytes.length, maxDigits),
                    () -> "Python rejects " + show(text));
        }
    }

    // ---- the decoder and the protocol ----

    @Property(tries = 1000)
    void anySplitOfAValidRequestGivesPythonsAnswer(@ForAll("number") String a, @ForAll("number") String b,
                                                   @ForAll("number") String op,
                                                   @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 400) Integer> cuts)
            throws Exception {
        byte[] request = (a + "\0" + b + "\0" + op + "\0").getBytes(StandardCharsets.ISO_8859_1);
        BigInteger expected = PythonIntModel.answer(model(a), model(b), model(op));
        List<byte[]> chunks = ChunkedStream.split(request, cuts);

        CalcRequestDecoder decoder = new CalcRequestDecoder(CalcNumber.PYTHON_MAX_DIGITS);
        for (byte[] chunk : chunks) decoder.feed(chunk, 0, chunk.length);
        assertTrue(decoder.isComplete());
        assertEquals(expected, decoder.request().result());

        ChunkedStream stream = new ChunkedStream(chunks);
        new CalcProtocol(CalcNumber.PYTHON_MAX_DIGITS, ProtocolEvents.NONE).serve(stream);
        assertArrayEquals((expected + "\0\0").getBytes(StandardCharsets.US_ASCII), stream.written.toByteArray());
    }

    @Property(tries = 2000)
    void randomBytesNeverThrowAnythingButBadCalcRequest(@ForAll @Size(max = 200) byte[] bytes,
                                                        @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> cuts,
                                                        @ForAll @IntRange(min = 1, max = 50) int maxDigits) {
        CalcRequestDecoder decoder = new CalcRequestDecoder(maxDigits);
        try {
            for (byte[] chunk : ChunkedStream.split(bytes, cuts)) {
                int used = decoder.feed(chunk, 0, chunk.length);
                assertTrue(used == chunk.length || decoder.isComplete(), "stops consuming only at the end of the request");
                if (decoder.isComplete()) break;
            }
            if (decoder.isComplete()) decoder.request().result();
        } catch (BadCalcRequest expected) {
            assertTrue(!expected.reason().isEmpty());
        }
    }

    @Property(tries = 1000)
    void onAnyInputTheServerSendsOneResultOrOneError(@ForAll("requestLike") byte[] bytes,
                                                     @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> cuts)
            throws IOException {
        ChunkedStream stream = new ChunkedStream(ChunkedStream.split(bytes, cuts));
        new CalcProtocol(40, ProtocolEvents.NONE).serve(stream);
        String reply = stream.written.toString(StandardCharsets.ISO_8859_1);
        assertTrue(reply.matches("-?[0-9]+\0\0") || reply.matches("ERROR [\\x20-\\x7e]+\0"), () -> "reply " + show(reply));
    }

    // ---- generators ----

    /** Valid Python int texts: whitespace, a sign, digit groups joined by single underscores. */
    @Provide
    Arbitrary<String> number() {
        Arbitrary<String> ws = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars(WHITESPACE).ofMinLength(1).ofMaxLength(3)));
        Arbitrary<String> sign = Arbitraries.of("", "", "+", "-");
        Arbitrary<String> groups = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)
                .list().ofMinSize(1).ofMaxSize(3).map(g -> String.join("_", g));
        return Combinators.combine(ws, sign, groups, ws).as((w1, s, d, w2) -> w1 + s + d + w2);
    }

    /** Mostly near-valid texts over the characters that matter, plus some valid ones and noise. */
    @Provide
    Arbitrary<String> numberLike() {
        Arbitrary<String> nearValid = Arbitraries.strings().withChars("0123456789_+- \t\n\u000b\r\u001c").ofMaxLength(12);
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(8);
        Arbitrary<String> mutated = Combinators.combine(number(), Arbitraries.integers().between(0, 40),
                Arbitraries.of('_', '+', '-', ' ', 'x', '.', '\u00a0', '\u0085')).as((n, at, c) -> {
                    int i = Math.min(at, n.length());
                    return n.substring(0, i) + c + n.substring(i);
                });
        return Arbitraries.oneOf(number(), nearValid, noise, mutated);
    }

    /** Bytes shaped like requests: number-like fields separated by NULs, sometimes too few. */
    @Provide
    Arbitrary<byte[]> requestLike() {
        return numberLike().list().ofMinSize(0).ofMaxSize(4)
                .map(fields -> (String.join("\0", fields) + (fields.size() == 3 ? "\0" : "")).getBytes(StandardCharsets.ISO_8859_1));
    }

    // ---- helpers ----

    private static BigInteger parse(byte[] bytes, int maxDigits) {
        try {
            return CalcNumber.parse(bytes, 0, bytes.length, maxDigits);
        } catch (BadCalcRequest e) {
            throw new AssertionError("rejected what Python accepts: " + e.reason());
        }
    }

    private static BigInteger model(String text) {
        return PythonIntModel.parse(text.getBytes(StandardCharsets.ISO_8859_1), CalcNumber.PYTHON_MAX_DIGITS).orElseThrow();
    }

    static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) sb.append(c); else sb.append(String.format("\\x%02x", (int) c));
        }
        return sb.append('"').toString();
    }
}
