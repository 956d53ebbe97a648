package loomlab.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The lookup timeout of the address tools: the system resolver has none of its own. */
final class LookupTimeout {

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Timeout.class,
            description = "Give up each lookup after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;
}
