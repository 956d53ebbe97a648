package loomlab.config;

import java.time.Duration;

/**
 * What the serving command line changes in a config ({@code --admin-port}, {@code --stats-interval},
 * {@code --log-level}, {@code --trace}); applied before validation, so that a clash (an admin port
 * that a service uses) is found up front and named by its option. Null fields change nothing;
 * {@code trace} true turns tracing on for every service, false leaves each service's own setting.
 */
public record ConfigOverrides(Integer adminPort, Duration statsInterval, LogLevel logLevel, boolean trace) {

    public static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, false);
}
