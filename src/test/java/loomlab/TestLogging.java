package loomlab;

import loomlab.config.LogLevel;
import loomlab.log.Logging;

/**
 * Named by {@code java.util.logging.config.class} in the pom: tests log in the product's format,
 * at the level given by {@code -Dloomlab.test.log=debug|info|quiet|warning} (default quiet, so
 * the socket tests do not print a line per connection).
 */
public final class TestLogging {

    public TestLogging() {
        String level = System.getProperty("loomlab.test.log", "quiet");
        Logging.configure(LogLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT)));
    }
}
