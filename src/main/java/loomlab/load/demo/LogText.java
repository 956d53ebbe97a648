package loomlab.load.demo;

/** A line of a server's output shown in the report: control characters made visible, length capped. */
final class LogText {

    static final int MAX = 300;

    private LogText() { }

    static String shorten(String line) {
        StringBuilder b = new StringBuilder(Math.min(line.length(), MAX) + 8);
        for (int i = 0; i < line.length() && b.length() < MAX; i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= MAX && line.length() > MAX) b.append("…");
        return b.toString();
    }
}
