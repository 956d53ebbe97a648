package loomlab.check;

import java.time.Duration;
import java.util.Locale;

/** Small texts every report shares: durations and how a read ended. */
final class Texts {

    private Texts() { }

    /** "12 ms", "2.0 s": milliseconds below a second, seconds with one decimal above. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** How a read ended, in words; empty when it got what it waited for. */
    static String ending(Messages m, Received r, CheckTarget target, boolean udp) {
        if (udp) {
            return switch (r.end()) {
                case TIMEOUT -> m.get("end.udp.timeout", duration(r.after()));
                case REFUSED -> m.get("end.udp.refused");
                default -> "";
            };
        }
        return switch (r.end()) {
            case DONE -> "";
            case CLOSED -> m.get("end.closed", duration(r.after()));
            case RESET -> m.get("end.reset", duration(r.after()));
            case TIMEOUT -> m.get("end.timeout", duration(r.after()));
            case CAP -> m.get("end.cap", r.length());
            case REFUSED -> m.get("end.refused");
            case CONNECT_TIMEOUT -> m.get("end.connectTimeout", duration(target.connectTimeout()));
        };
    }
}
