package loomlab.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Lengths of time as people write them, the one parser for the config file and every
 * command-line option: {@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"}, {@code "1d"},
 * or a plain number of seconds ({@code "10"}, {@code "1.5"}), in whole milliseconds.
 *
 * <p>Every field has a {@link Kind} with a range, and the text is checked against that range
 * before a {@link Duration} is made: no value beyond a day gets in, so no later arithmetic
 * (deadlines in nanoseconds, socket timeouts in int milliseconds) can overflow.
 */
public final class Durations {

    /** The longest duration any field accepts: a day, far from every overflow (int ms: 24 days). */
    public static final Duration MAX = Duration.ofDays(1);
    private static final Duration MS = Duration.ofMillis(1);
    /** Longer text is no duration anyone means; it is refused before any arithmetic. */
    private static final int MAX_TEXT = 40;

    /** What a duration is for, and so which values make sense. */
    public enum Kind {
        /** Client timeouts (connect, reply, lookup): 1ms to 1d. */
        TIMEOUT("a timeout", MS, MAX, null),
        /** Service time limits (readTimeout, requestDeadline): 0 for none, else 1ms to 1d. */
        LIMIT("a time limit", MS, MAX, "none"),
        /** shutdownGrace: 0s to 1h. */
        GRACE("a grace period", Duration.ZERO, Duration.ofHours(1), null),
        /** statsInterval: 0 for off, else 100ms to 1d. */
        INTERVAL("an interval", Duration.ofMillis(100), MAX, "off"),
        /** pinning.threshold: 1ms to 1h. */
        THRESHOLD("a threshold", MS, Duration.ofHours(1), null),
        /** The measured time of a load run or a demo step: 1ms to 1d. */
        RUN("a measured time", MS, MAX, null),
        /** A warm-up, ramp-up or think time: 0s to 1d. */
        WAIT("a waiting time", Duration.ZERO, MAX, null),
        /** check's gap between the pieces of a request: 1ms to 1m. */
        PAUSE("a pause", MS, Duration.ofMinutes(1), null);

        private final String what;
        private final Duration min;
        private final Duration max;
        /** What zero means where it is allowed below {@code min}; null when it is not. */
        private final String zero;

        Kind(String what, Duration min, Duration max, String zero) {
            this.what = what;
            this.min = min;
            this.max = max;
            this.zero = zero;
        }

        public Duration min() {
            return min;
        }

        public Duration max() {
            return max;
        }

        /** "from 1ms to 1d", "0 (none) or from 1ms to 1d". */
        public String range() {
            return (zero != null ? "0 (" + zero + ") or " : "") + "from " + format(min) + " to " + format(max);
        }

        boolean accepts(Duration d) {
            return (zero != null && d.isZero()) || (d.compareTo(min) >= 0 && d.compareTo(max) <= 0);
        }
    }

    /** A text that is no duration of its kind; the message says what is accepted, without the field's name. */
    public static final class BadDuration extends Exception {
        private static final long serialVersionUID = 1L;

        BadDuration(String message) {
            super(message);
        }
    }

    private Durations() { }

    /** Parses {@code text} as a duration of {@code kind}; never throws anything but {@link BadDuration}. */
    public static Duration parse(String text, Kind kind) throws BadDuration {
        String shown = Shown.quoted(text);
        String t = text.strip();
        if (t.length() > MAX_TEXT) throw new BadDuration(shown + " is not a duration: " + form(kind));
        int end = 0;
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) end = 1;
        int numberStart = end;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) && t.charAt(end) < 128 || t.charAt(end) == '.')) end++;
        String number = t.substring(numberStart, end);
        String unit = t.substring(end).strip();
        long unitMillis = switch (unit) {
            case "ms" -> 1;
            case "", "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> -1;
        };
        if (unitMillis < 0 || !number.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            throw new BadDuration(shown + " is not a duration: " + form(kind));
        }
        BigDecimal millis = new BigDecimal(number).multiply(BigDecimal.valueOf(unitMillis));
        if (negative && millis.signum() != 0) throw new BadDuration(shown + " is negative: " + kind.what + " is " + kind.range());
        if (millis.compareTo(BigDecimal.valueOf(kind.max.toMillis())) > 0) {
            throw new BadDuration(shown + " is out of range: " + kind.what + " is " + kind.range());
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new BadDuration(shown + " is finer than a millisecond: " + kind.what + " is " + kind.range());
        }
        Duration d = Duration.ofMillis(millis.longValueExact());
        if (!kind.accepts(d)) throw new BadDuration(shown + " is out of range: " + kind.what + " is " + kind.range());
        return d;
    }

    /** Whether {@code d} is in the range of {@code kind}: for durations made in code rather than parsed. */
    public static boolean inRange(Duration d, Kind kind) {
        return d != null && kind.accepts(d);
    }

    /** The accepted form and range, for a usage line: "write e.g. 500ms, 30s, 2m (from 1ms to 1d)". */
    public static String form(Kind kind) {
        return "write a number with ms, s, m, h or d (plain: seconds), e.g. 500ms, 30s or 2m; "
                + kind.what + " is " + kind.range();
    }

    /** The shortest exact text, which {@link #parse} reads back: "30s", "500ms", "2m", "1d". */
    public static String format(Duration d) {
        if (d.isNegative() || d.compareTo(Duration.ofDays(1_000_000)) > 0) return d.getSeconds() + "s";
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        if (ms % 86_400_000 == 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
