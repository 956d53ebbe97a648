package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes a config file holds, reading it ends in a config or in a ConfigException whose
 * every line has a position ("file:line:col: ..."), is one printable line and says it in
 * loomlab's words; never in any other Throwable. Likewise the duration parser on any text.
 */
class ConfigReaderPropertiesTest {

    private static final Pattern POSITIONED = Pattern.compile("c\\.json:\\d+:\\d+: \\S.*");
    /** A full config: every field of every object, printed by --print-config. */
    private static final String VALID = ConfigWriter.toJson(ConfigLoader.loadDefault()
            .toBuilder().admin(new AdminConfig(true, "127.0.0.1", 0)).build());
    /** Pieces that make the mutations interesting: JSON syntax, values of every type, field names. */
    private static final List<String> PIECES = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00", "null", "true",
            "-", "0", "1e999", "99999999999m", "9223372036854775807", "\"1d\"", "\"-5s\"", "{}", "[]", "\"mode\":",
            "\"services\":", "\"name\":\"a\\u001b[31m\"", "\uFEFF", "\u0000", "\n", "é", "\uD800", "//", "/*", "NaN",
            "\"port\":70000", "\"reservedFds\":", "\"shutdownGrace\":", "\"x\":1,");

    /** True when the bytes gave a config, false when they gave a good error (else the assertion fails). */
    private static boolean assertConfigOrPositionedError(byte[] bytes) {
        try {
            ConfigLoader.parse("c.json", bytes, ConfigOverrides.NONE, 20_000);
            return true;
        } catch (ConfigException e) {
            for (String line : e.getMessage().split("\n", -1)) {
                assertTrue(POSITIONED.matcher(line).matches(), () -> "no position: " + e.getMessage());
                assertTrue(line.length() < 1_000, () -> "too long to read: " + line);
                assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)),
                        () -> "a raw control character: " + line);
                assertFalse(line.matches(".*(Jackson|StreamRead|Feature|REDACTED|java\\.|Exception).*"),
                        () -> "a library's wording: " + line);
            }
            return false;
        }
    }

    @Property(tries = 1000)
    void anyBytesGiveAConfigOrAPositionedError(@ForAll @Size(max = 300) byte[] bytes) {
        assertConfigOrPositionedError(bytes);
    }

    @Property(tries = 1000)
    void anyMutationOfAValidConfigGivesAConfigOrAPositionedError(@ForAll("mutated") String text) {
        // Both outcomes must happen often: mutations that were all refused (or all accepted) would
        // leave one side of the property untested.
        Statistics.collect(assertConfigOrPositionedError(text.getBytes(StandardCharsets.UTF_8)) ? "config" : "error");
        Statistics.coverage(c -> {
            c.check("config").percentage(p -> p >= 1);
            c.check("error").percentage(p -> p >= 10);
        });
    }

    @Property(tries = 200)
    void anyMutationInAnyEncodingGivesAConfigOrAPositionedError(@ForAll("mutated") String text) {
        assertConfigOrPositionedError(text.getBytes(StandardCharsets.ISO_8859_1));
        assertConfigOrPositionedError(text.getBytes(StandardCharsets.UTF_16));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(4));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 3), at, at, piece).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            String s = VALID;
            for (Mutation m : ms) s = m.apply(s);
            return s;
        });
    }

    /** Insert a piece, delete a range, replace a range with a piece, or repeat a range. */
    record Mutation(int kind, int a, int b, String piece) {
        String apply(String s) {
            int from = Math.min(Math.min(a, b), s.length());
            int to = Math.min(Math.max(a, b), s.length());
            return switch (kind) {
                case 0 -> s.substring(0, from) + piece + s.substring(from);
                case 1 -> s.substring(0, from) + s.substring(to);
                case 2 -> s.substring(0, from) + piece + s.substring(to);
                default -> s.substring(0, to) + s.substring(from, to) + s.substring(to);
            };
        }
    }

    // ---- durations ----

    @Property(tries = 2000)
    void anyTextIsADurationInRangeOrABadDuration(@ForAll("durationLike") String text, @ForAll Durations.Kind kind) {
        Duration d;
        try {
            d = Durations.parse(text, kind);
        } catch (Durations.BadDuration e) {
            String m = e.getMessage();
            assertTrue(m.contains(kind.range()), () -> "the message names the range: " + m);
            assertTrue(m.chars().noneMatch(c -> c < 0x20), () -> "one printable line: " + m);
            assertTrue(m.length() < 300, () -> "short: " + m);
            return;
        }
        assertTrue(Durations.inRange(d, kind), () -> text + " -> " + d);
        try {
            // What it prints reads back to the same duration.
            assertTrue(Durations.parse(Durations.format(d), kind).equals(d), () -> Durations.format(d));
        } catch (Durations.BadDuration e) {
            throw new AssertionError(Durations.format(d) + ": " + e.getMessage(), e);
        }
    }

    @Provide
    Arbitrary<String> durationLike() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("0", "-0", ".5", "1.", "1.0005", "00000000000000000000000000001", "+5", "--5"));
        Arbitrary<String> unit = Arbitraries.of("", "ms", "s", "m", "h", "d", " s", "min", "µs", "S", "ns", "x");
        return Arbitraries.oneOf(Combinators.combine(number, unit).as(String::concat), Arbitraries.strings().ofMaxLength(50));
    }
}
