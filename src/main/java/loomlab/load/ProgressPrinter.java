package loomlab.load;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress line: once a second, rewritten in place on a terminal, a plain line each
 * time otherwise (so a log file or CI output stays readable).
 */
public final class ProgressPrinter implements Progress {

    private final PrintWriter out;
    private final String label;
    private final boolean terminal;
    private int lastLength;

    /**
     * @param label    put before each line, e.g. "[virtual 1000]"; may be empty
     * @param terminal rewrite one line (true) or print a line per update
     */
    public ProgressPrinter(PrintWriter out, String label, boolean terminal) {
        this.out = out;
        this.label = label.isEmpty() ? "" : label + " ";
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(Snapshot s) {
        String line = label + line(s);
        if (terminal) {
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void finished() {
        if (terminal && lastLength > 0) {
            out.println();
            out.flush();
            lastLength = 0;
        }
    }

    static String line(Snapshot s) {
        long length = (long) Math.ceil(s.phaseLength());
        String phase = s.phase().label() + (length > 0 ? " " + Math.min(Math.round(s.phaseElapsed()), length) + "/" + length + " s" : "");
        return String.format(Locale.ROOT, "%-17s clients %s/%s  %s req/s  p99 %s  errors %s",
                phase, Numbers.grouped(s.clientsUp()), Numbers.grouped(s.clients()),
                Numbers.grouped(Math.round(s.requestsPerSecond())),
                s.p99Millis() < 0 ? "-" : Numbers.millis(s.p99Millis()) + " ms", Numbers.grouped(s.errors()));
    }
}
