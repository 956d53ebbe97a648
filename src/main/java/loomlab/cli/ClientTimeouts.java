package loomlab.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The timeouts of commands that act as clients (load, demo): how long a connect and an answer may take. */
final class ClientTimeouts {

    @Option(names = "--connect-timeout", defaultValue = "5s", converter = Converters.Timeout.class, paramLabel = "DURATION",
            description = "How long a connect may take (default: ${DEFAULT-VALUE}).")
    Duration connect;

    @Option(names = "--read-timeout", converter = Converters.Timeout.class, paramLabel = "DURATION",
            description = "How long an answer may take before it counts as an error (default: 5s; for udp-calc 1s,"
                    + " after which the datagram counts as lost).")
    Duration read;

    /** The read timeout given, or the command's default. */
    Duration read(Duration fallback) {
        return read != null ? read : fallback;
    }
}
