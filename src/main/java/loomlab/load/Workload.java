package loomlab.load;

import java.util.Locale;

/** What the load generator's clients do, one per lecture service. */
public enum Workload {
    /** Each client holds one connection and loops: write a message, read it back, compare. */
    ECHO("echo", 10000, true),
    /** Each request is a new connection, as in the lecture's client_calc.py: a\0b\0op\0, then the result. */
    CALC("calc", 10009, true),
    /** Each client has its own UDP socket and one 12-byte request in flight. */
    UDP_CALC("udp-calc", 10009, false);

    private final String label;
    private final int defaultPort;
    private final boolean tcp;

    Workload(String label, int defaultPort, boolean tcp) {
        this.label = label;
        this.defaultPort = defaultPort;
        this.tcp = tcp;
    }

    /** The name on the command line and in reports: "udp-calc". */
    public String label() {
        return label;
    }

    /** The port of the matching service in the default config, so `load echo` alone hits `make run`. */
    public int defaultPort() {
        return defaultPort;
    }

    public boolean tcp() {
        return tcp;
    }

    /** Accepts "echo", "calc", "udp-calc" (and "udp_calc", any case). */
    public static Workload parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Workload w : values()) {
            if (w.label.equals(t)) return w;
        }
        throw new IllegalArgumentException("unknown workload '" + text + "': use echo, calc or udp-calc");
    }
}
