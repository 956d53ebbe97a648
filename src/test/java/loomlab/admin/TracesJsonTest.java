package loomlab.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import loomlab.server.TraceRecord;
import loomlab.server.TraceRecord.Ending;
import org.junit.jupiter.api.Test;

/** /traces shows a client's bytes as hex and as escaped text: nothing of them reaches the JSON raw. */
class TracesJsonTest {

    /** ESC, NUL, a script tag, 0xff, a quote, a backslash, a newline and U+2028 in UTF-8. */
    static final byte[] HOSTILE = {0x1b, '[', '3', '1', 'm', 0, '<', 's', 'c', 'r', 'i', 'p', 't', '>', (byte) 0xff, '"', '\\', '\n',
            (byte) 0xe2, (byte) 0x80, (byte) 0xa8};

    @Test
    void hostileBytesAreEscapedInTheText() {
        TraceRecord r = new TraceRecord(1_700_000_000_000L, "echo", "10.0.3.17", 50312, HOSTILE, HOSTILE.length,
                HOSTILE, HOSTILE.length, Ending.REPLY, null, 1_500_000);
        String json = TracesJson.render(List.of(), TracesJson.Query.ALL, List.of(r));
        for (char c : json.toCharArray()) {
            assertTrue(c >= 0x20 && c < 0x7f, "only printable ASCII in the JSON, found U+" + Integer.toHexString(c) + " in " + json);
        }
        Map<String, Object> trace = only(json);
        Map<?, ?> received = (Map<?, ?>) trace.get("received");
        assertEquals("\\x1b[31m\\x00<script>\\xff\\x22\\x5c\\x0a\\xe2\\x80\\xa8", received.get("text"));
        assertEquals("1b 5b 33 31 6d 00 3c 73 63 72 69 70 74 3e ff 22 5c 0a e2 80 a8", received.get("hex"));
        assertEquals((long) HOSTILE.length, received.get("bytes"));
        assertEquals(false, received.get("truncated"));
        assertEquals("reply", trace.get("ending"));
        assertEquals(false, trace.get("bad"));
        assertEquals(1.5, trace.get("durationMillis"));
        assertNull(trace.get("reason"));
    }

    @Test
    void aBadRequestIsMarkedWithItsReason() {
        TraceRecord r = new TraceRecord(1, "calc", "::1", 1, new byte[] {'x', 0}, 2, new byte[0], 0, Ending.BAD_REQUEST,
                "'a' is not a number", 1);
        Map<String, Object> trace = only(TracesJson.render(List.of(), TracesJson.Query.ALL, List.of(r)));
        assertEquals("bad-request", trace.get("ending"));
        assertEquals(true, trace.get("bad"));
        assertEquals("'a' is not a number", trace.get("reason"));
        assertEquals("::1", trace.get("client"));
    }

    @Test
    void theQueryPicksClientsByTheStartOfTheirAddressAndServicesByName() {
        TraceRecord a = new TraceRecord(1, "calc", "10.0.3.17", 4000, new byte[0], 0, new byte[0], 0, Ending.CLOSED, null, 1);
        TraceRecord b = new TraceRecord(2, "echo", "10.0.4.2", 4001, new byte[0], 0, new byte[0], 0, Ending.CLOSED, null, 1);
        assertTrue(TracesJson.Query.parse("client=10.0.3.17").matches(a));
        assertTrue(TracesJson.Query.parse("client=10.0.").matches(b));
        assertTrue(TracesJson.Query.parse("client=10.0.3.17%3A4000").matches(a));
        assertFalse(TracesJson.Query.parse("client=10.0.3.17").matches(b));
        assertFalse(TracesJson.Query.parse("service=calc").matches(b));
        assertTrue(TracesJson.Query.parse("service=calc&client=&_=123").matches(a));
        assertEquals(5, TracesJson.Query.parse("limit=5").limit());
        for (String bad : List.of("limit=0", "limit=x", "limit=1001", "client=%zz", "limit=99999")) {
            assertNull(TracesJson.Query.parse(bad), bad);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(String json) {
        try {
            List<Object> traces = (List<Object>) ((Map<String, Object>) AdminClient.parse(json)).get("traces");
            assertEquals(1, traces.size(), json);
            return (Map<String, Object>) traces.get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
