package loomlab.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The request head codec, byte by byte, without a socket. */
class HttpHeadTest {

    private static HttpHead read(String head) throws Exception {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new ByteArrayInputStream(bytes, 1, bytes.length - 1);
        return HttpHead.read(in, bytes[0] & 0xff);
    }

    private static int refused(String head) {
        return assertThrows(HttpHead.Bad.class, () -> read(head)).status;
    }

    @Test
    void aBrowsersRequestKeepsTheConnection() throws Exception {
        String text = "GET /status?t=1 HTTP/1.1\r\nHost: 127.0.0.1:9090\r\nAccept: */*\r\nUser-Agent: x\r\n\r\n";
        HttpHead h = read(text);
        assertEquals("GET", h.method());
        assertEquals("/status", h.path());
        assertTrue(h.keepAlive());
        assertEquals(text.length(), h.bytes());
    }

    @Test
    void closeAndHttp10AndABodyEndTheConnectionAfterTheReply() throws Exception {
        assertFalse(read("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").keepAlive());
        assertFalse(read("GET / HTTP/1.0\r\n\r\n").keepAlive(), "HTTP/1.0 needs no Host and closes by default");
        assertTrue(read("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive());
        assertFalse(read("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").keepAlive(), "a body is never read");
        assertFalse(read("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n").keepAlive());
        assertTrue(read("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").keepAlive());
    }

    @Test
    void bareLineFeedsAndALeadingEmptyLineAreTolerated() throws Exception {
        assertEquals("/health", read("\r\nGET /health HTTP/1.1\nHost: x\n\n").path());
    }

    @Test
    void malformedHeadsAreBadRequests() {
        assertEquals(400, refused("garbage\r\n\r\n"));
        assertEquals(400, refused("GET  / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, refused("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, refused("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, refused("G(T / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, refused("GET / HTTP/1.1\r\n\r\n"), "HTTP/1.1 needs a Host");
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"));
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n"));
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\n folded: no\r\n\r\n"));
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\nX: a\u001b[31mred\r\n\r\n"), "control characters");
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\rY: z\r\n\r\n"), "a bare CR");
        assertEquals(400, refused("\r\n\r\n\r\n\r\n\r\n\r\n"));
        assertEquals(400, refused("GET / FTP/1.0\r\n\r\n"));
        assertEquals(505, refused("GET / HTTP/2.0\r\nHost: x\r\n\r\n"));
    }

    @Test
    void theHeadIsBoundedInSizeAndFields() {
        assertEquals(414, refused("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(431, refused("GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(HttpHead.MAX_BYTES) + "\r\n\r\n"));
        assertEquals(431, refused("GET / HTTP/1.1\r\nHost: x\r\n" + "X: y\r\n".repeat(10_000) + "\r\n"));
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < HttpHead.MAX_FIELDS; i++) many.append("A: b\r\n");
        assertEquals(431, refused(many.append("\r\n").toString()), "Host and " + HttpHead.MAX_FIELDS + " more");
    }

    @Test
    void aHeadCutShortIsTheEndOfTheStreamNotARequest() {
        assertThrows(EOFException.class, () -> read("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: abc"));
    }

    @Test
    void theRefusalReasonNeverQuotesTheClient() {
        HttpHead.Bad bad = assertThrows(HttpHead.Bad.class, () -> read("<script>alert(1)</script> / HTTP/1.1\r\n\r\n"));
        assertFalse(bad.getMessage().contains("script"), bad.getMessage());
    }
}
