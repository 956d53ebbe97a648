package loomlab.cli;

import java.math.BigDecimal;
import java.time.Duration;
import loomlab.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line as in the config ("10s", "500ms", "2m"), or plain seconds ("10", "0.5"). */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration d = Durations.parse(text);
        if (d != null) return d;
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.signum() >= 0) return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the message
        }
        throw new TypeConversionException("'" + text + "' is not a duration: write it like 10s, 500ms, 2m or 1.5 (seconds)");
    }
}
