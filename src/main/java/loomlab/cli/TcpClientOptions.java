package loomlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import loomlab.client.BadReplyException;
import loomlab.client.ClientException;
import loomlab.client.TcpExchange;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Timeouts and output of the TCP clients (echo, calc). */
final class TcpClientOptions {

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Timeout.class,
            description = "Give up connecting (name lookup included) after this long (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Timeout.class,
            description = "Give up waiting for the reply after this long without data (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = {"-q", "--quiet"},
            description = "Print only the reply: no 'connecting to'/'closing socket' lines (for scripts).")
    boolean quiet;

    /** What a client does on its connection; returns the exit code. */
    interface Exchange {
        int run(TcpExchange exchange, PrintWriter out) throws ClientException, BadReplyException;
    }

    /**
     * The lecture's client around {@code exchange}: "connecting to HOST port PORT", the exchange,
     * "closing socket" (its finally block).
     */
    int run(ServerAddress server, CommandSpec spec, Exchange exchange) {
        return ClientOutcome.run(spec, out -> {
            if (!quiet) {
                out.println("connecting to " + TcpExchange.where(server.host, server.port));
                out.flush();
            }
            try (TcpExchange connection = TcpExchange.connect(server.host, server.port, connectTimeout, readTimeout)) {
                try {
                    return exchange.run(connection, out);
                } finally {
                    if (!quiet) out.println("closing socket");
                }
            }
        });
    }
}
