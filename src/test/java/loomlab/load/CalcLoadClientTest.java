package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The calc load client's requests, made once: what client_calc.py sends, and the reply worked out here. */
class CalcLoadClientTest {

    private static final Pattern REQUEST = Pattern.compile("([0-9]+)\0([0-9]+)\0([01])\0");

    @Test
    void eachRequestIsThreeNumbersEachEndedByANulAndItsReplyIsTheResultAndTwoNuls() {
        Set<String> distinct = new HashSet<>();
        for (CalcLoadClient.Sample s : CalcLoadClient.samples(500)) {
            String request = new String(s.request(), StandardCharsets.US_ASCII);
            Matcher m = REQUEST.matcher(request);
            assertTrue(m.matches(), () -> "not a\\0b\\0op\\0: " + request.replace("\0", "\\0"));
            long a = Long.parseLong(m.group(1));
            long b = Long.parseLong(m.group(2));
            assertTrue(a < 1_000_000_000L && b < 1_000_000_000L, request);
            long result = m.group(3).equals("0") ? a + b : a - b;
            assertArrayEquals((result + "\0\0").getBytes(StandardCharsets.US_ASCII), s.expected(), request);
            distinct.add(request);
        }
        assertTrue(distinct.size() > 450, "random requests, not one repeated: " + distinct.size() + " distinct of 500");
    }
}
