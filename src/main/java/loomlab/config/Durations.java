package loomlab.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a config: "30s", "500ms", "2m", "1h", or plain seconds. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() { }

    /** Parses "30s", "500ms", "2m", "1h"; returns null when the text is none of these. */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) return null;
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            default -> Duration.ofHours(value);
        };
    }

    /** The shortest exact text: "30s", "500ms", "2m". */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms != 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
