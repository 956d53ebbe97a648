package loomlab.cli;

import picocli.CommandLine.Parameters;

/** HOST and PORT, the first two arguments of every client, as in the lecture's clients. */
final class ServerAddress {

    @Parameters(index = "0", paramLabel = "HOST", description = "Server name or address, e.g. localhost or 127.0.0.1.")
    String host;

    @Parameters(index = "1", paramLabel = "PORT", converter = Converters.Port.class,
            description = "Server port (loomlab's defaults: echo 10000, calc 10009, calc-serial 10010, udp calc 10009).")
    int port;
}
