package loomlab.load;

import java.util.Optional;

/**
 * Every TCP client is an open file (a socket), and so is every connection a server holds. A
 * process that runs out of file descriptors fails in confusing ways (connects that fail with
 * "Too many open files", a server that stops accepting), so the limit is checked before a run
 * starts and, when too low, reported with the fix.
 *
 * <p>The JVM on Linux already raises its soft limit to the hard limit at start-up, so what this
 * sees is usually the hard limit; raising that needs root.
 */
public final class FileBudget {

    /** Files beyond the clients' sockets: the progress output, the JSON report, NIO pollers, slack. */
    static final int MARGIN = 100;

    private FileBudget() { }

    /** What the check found: null limit when the OS does not say (then nothing is checked). */
    public record Check(SystemLimits.FileLimit limit, long openNow, long needed, long fitting) {
        public boolean enough() {
            return limit == null || needed <= limit.soft();
        }
    }

    /**
     * @param clients      clients to run
     * @param filesEach    open files per client: 1, or 2 when the server runs in the same process
     */
    public static Check check(int clients, int filesEach) {
        Optional<SystemLimits.FileLimit> limit = SystemLimits.fileLimit();
        long open = SystemLimits.openFiles().orElse(50);
        long needed = (long) clients * filesEach + open + MARGIN;
        long fitting = limit.map(l -> Math.max(0, (Math.min(l.soft(), Integer.MAX_VALUE) - open - MARGIN) / filesEach))
                .orElse((long) Integer.MAX_VALUE);
        return new Check(limit.orElse(null), open, needed, fitting);
    }

    /** The message for a check that failed: the numbers, then the fix. */
    public static String problem(Check c, int clients, String whatPerClient) {
        var l = c.limit();
        StringBuilder m = new StringBuilder();
        m.append(Numbers.grouped(clients)).append(" clients need about ").append(Numbers.grouped(c.needed()))
                .append(" open files (").append(whatPerClient).append(", plus ").append(c.openNow() + MARGIN)
                .append(" for the JVM), but this process may open only ").append(Numbers.grouped(l.soft()))
                .append(" (ulimit -n: soft ").append(text(l.soft())).append(", hard ").append(text(l.hard())).append(").\n");
        m.append("  fix: use at most ").append(Numbers.grouped(c.fitting())).append(" clients here");
        if (c.needed() <= l.hard()) {
            m.append(", or raise the soft limit in the shell that starts java: ulimit -n ").append(c.needed());
        } else {
            m.append(", or raise the hard limit (").append(text(l.hard())).append(") to at least ").append(c.needed())
                    .append(": that needs root (/etc/security/limits.conf, LimitNOFILE= in a systemd unit,"
                            + " or docker run --ulimit nofile=N:N), then ulimit -n ").append(c.needed());
        }
        m.append(";\n  or run the clients from several processes (each has its own limit).");
        return m.toString();
    }

    private static String text(long limit) {
        return limit == Long.MAX_VALUE ? "unlimited" : Long.toString(limit);
    }
}
