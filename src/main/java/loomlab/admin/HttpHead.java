package loomlab.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The head of an HTTP/1.x request (RFC 9112), read from a stream within fixed limits: all the
 * admin endpoint needs to answer a GET. A codec: bytes in, a request or a {@link Bad} out;
 * nothing about sockets or time. Only the request line and three headers matter here
 * ({@code Host}, {@code Connection}, and whether a body follows); the rest are checked for form
 * and skipped. Nothing of the request is ever put into a reply.
 *
 * @param method   as sent (a token)
 * @param path     the target up to its query ({@code /metrics} of {@code /metrics?x=1}), not decoded
 * @param keepAlive whether the connection may carry another request after the reply
 * @param bytes    the size of the head
 * @param query    what follows the target's {@code ?} ({@code x=1}), not decoded; empty when none
 */
record HttpHead(String method, String path, boolean keepAlive, int bytes, String query) {

    /** The whole head at most: a browser's request is about 500 bytes. */
    static final int MAX_BYTES = 8 * 1024;
    static final int MAX_FIELDS = 100;
    /** Empty lines tolerated before a request line (RFC 9112 2.2: after a previous body). */
    private static final int MAX_LEADING_EMPTY_LINES = 4;

    /** A request refused with {@code status}; {@code reason} is ours (for the log), never the client's bytes. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Bad(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    /**
     * Reads one head whose first byte, {@code first}, was read already; returns it, or throws
     * {@link Bad} with the status to answer (400, 414, 431, 505). End of stream in the middle is
     * an {@link java.io.EOFException}: there is nobody to answer.
     */
    static HttpHead read(InputStream in, int first) throws IOException, Bad {
        Reader r = new Reader(in, first);
        String line = r.line(414);
        for (int empty = 0; line.isEmpty(); empty++) {
            if (empty == MAX_LEADING_EMPTY_LINES) throw new Bad(400, "empty lines instead of a request line");
            line = r.line(414);
        }
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) throw new Bad(400, "not a request line");
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!token(method)) throw new Bad(400, "not a method");
        if (!target.equals("*") && (!target.startsWith("/") || !visible(target))) throw new Bad(400, "not a request target");
        boolean http11 = version.equals("HTTP/1.1");
        if (!http11 && !version.equals("HTTP/1.0")) {
            throw version.matches("HTTP/[0-9]\\.[0-9]") ? new Bad(505, "HTTP version not supported") : new Bad(400, "not an HTTP version");
        }
        boolean host = false;
        boolean close = !http11;
        boolean body = false;
        int fields = 0;
        for (String field = r.line(431); !field.isEmpty(); field = r.line(431)) {
            if (++fields > MAX_FIELDS) throw new Bad(431, "more than " + MAX_FIELDS + " header fields");
            int colon = field.indexOf(':');
            if (colon <= 0 || !token(field.substring(0, colon))) throw new Bad(400, "not a header field");
            String name = field.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).strip();
            switch (name) {
                case "host" -> {
                    if (host) throw new Bad(400, "two Host fields");
                    host = true;
                }
                case "connection" -> {
                    for (String option : value.toLowerCase(Locale.ROOT).split(",")) {
                        if (option.strip().equals("close")) close = true;
                        if (option.strip().equals("keep-alive") && !http11) close = false;
                    }
                }
                case "content-length" -> body |= !value.equals("0");
                case "transfer-encoding" -> body = true;
                default -> { }
            }
        }
        if (http11 && !host) throw new Bad(400, "no Host field");
        int q = target.indexOf('?');
        // A body is never read (no request here has one): the connection ends after the reply.
        return new HttpHead(method, q < 0 ? target : target.substring(0, q), !close && !body, r.count,
                q < 0 ? "" : target.substring(q + 1));
    }

    /** RFC 9110 token characters. */
    private static boolean token(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    private static boolean visible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) return false;
        }
        return true;
    }

    /** Lines of the head, counted against {@link #MAX_BYTES}; CRLF or a bare LF ends one. */
    private static final class Reader {
        private final InputStream in;
        private int pending;
        int count;
        private final StringBuilder sb = new StringBuilder(128);

        Reader(InputStream in, int first) {
            this.in = in;
            this.pending = first;
        }

        /** The next line without its end; {@code tooLong} is the status when the head grows too big in it. */
        String line(int tooLong) throws IOException, Bad {
            sb.setLength(0);
            while (true) {
                int b = pending >= 0 ? pending : in.read();
                pending = -1;
                if (b < 0) throw new java.io.EOFException("connection closed in the middle of a request head");
                if (++count > MAX_BYTES) throw new Bad(tooLong, "request head over " + MAX_BYTES + " bytes");
                if (b == '\r') {
                    b = in.read();
                    if (b < 0) throw new java.io.EOFException("connection closed in the middle of a request head");
                    if (++count > MAX_BYTES) throw new Bad(tooLong, "request head over " + MAX_BYTES + " bytes");
                    if (b != '\n') throw new Bad(400, "a bare CR in the head");
                }
                if (b == '\n') return sb.toString();
                // Control characters other than HT are not allowed in a head.
                if ((b < 0x20 && b != '\t') || b == 0x7f) throw new Bad(400, "a control character in the head");
                sb.append((char) b); // ISO-8859-1, as RFC 9110 has field values
            }
        }
    }
}
