package loomlab.cli;

import picocli.CommandLine.Command;

/** {@code loomlab client}: the lecture's clients; a subcommand is required. */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"The lecture's clients: echo, calc (TCP), udp-calc.",
                "The lecture's clients, wire-compatible with loomlab's services and with the lecture's "
                + "Python servers (server_echo.py, server_calc.py, server_calc_conc.py, UDP server_calc.py)."},
        subcommands = {EchoClientCommand.class, CalcClientCommand.class, UdpCalcClientCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 bad command line, 2 could not talk to the server (refused,",
                  "unknown host, timeout, closed early), 4 the server answered with an error or a",
                  "wrong result.",
                  "Docs: docs/clients.md and docs/lab-guide.md."})
public final class ClientCommand {
}
