package loomlab.protocol.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link PythonIntModel} (and so the property tests) against the real thing: a few thousand
 * generated texts go through python3's {@code int(text, 10)} in one process, and through the model
 * and {@link CalcNumber}. Skipped when python3 is missing (CI installs it).
 */
class PythonCrossCheckTest {

    private static final String PYTHON = """
            import sys
            for line in sys.stdin:
                text = bytes.fromhex(line.strip()).decode('ascii')
                try:
                    print(int(text, 10))
                except ValueError:
                    print('ValueError')
                sys.stdout.flush()
            """;

    @Test
    void theModelAndTheParserAgreeWithPython3() throws Exception {
        assumeTrue(python3Works(), "python3 is not installed: the cross-check of the Python int model is skipped");
        List<String> texts = new ArrayList<>();
        CalcCodecPropertiesTest generators = new CalcCodecPropertiesTest();
        // ASCII only: the lecture's server decodes bytes as UTF-8 first, so beyond ASCII it is not int() that decides.
        generators.numberLike().sampleStream().filter(t -> t.chars().allMatch(c -> c < 0x80)).limit(3000).forEach(texts::add);
        String digits = "7".repeat(CalcNumber.PYTHON_MAX_DIGITS + 1);
        for (int n : new int[] {CalcNumber.PYTHON_MAX_DIGITS - 1, CalcNumber.PYTHON_MAX_DIGITS, CalcNumber.PYTHON_MAX_DIGITS + 1}) {
            texts.add(digits.substring(0, n));
            texts.add(" -" + digits.substring(0, n - 1) + "_1 ");
        }
        List<String> python = runPython(texts);
        assertEquals(texts.size(), python.size(), "python3 answered every line");
        for (int i = 0; i < texts.size(); i++) {
            byte[] bytes = texts.get(i).getBytes(StandardCharsets.US_ASCII);
            String expected = python.get(i);
            Optional<BigInteger> model = PythonIntModel.parse(bytes, CalcNumber.PYTHON_MAX_DIGITS);
            String shown = CalcCodecPropertiesTest.show(texts.get(i));
            assertEquals(expected, model.map(BigInteger::toString).orElse("ValueError"), "model vs python3 for " + shown);
            String ours;
            try {
                ours = CalcNumber.parse(bytes, 0, bytes.length, CalcNumber.PYTHON_MAX_DIGITS).toString();
            } catch (BadCalcRequest e) {
                ours = "ValueError";
            }
            assertEquals(expected, ours, "CalcNumber vs python3 for " + shown);
        }
    }

    private static boolean python3Works() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "pass").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> runPython(List<String> texts) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", PYTHON).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Write from another thread: python answers while we are still sending, and pipes are finite.
        Thread writer = Thread.ofVirtual().start(() -> {
            try (Writer w = p.outputWriter(StandardCharsets.US_ASCII)) {
                HexFormat hex = HexFormat.of();
                for (String t : texts) w.write(hex.formatHex(t.getBytes(StandardCharsets.US_ASCII)) + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            lines = r.lines().collect(Collectors.toList());
        }
        writer.join();
        assertEquals(0, p.waitFor(), "python3 exit code");
        return lines;
    }
}
