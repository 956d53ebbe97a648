package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import loomlab.check.CheckReport;
import loomlab.check.CheckTarget;
import loomlab.check.Checker;
import loomlab.check.JsonReport;
import loomlab.check.JunitReport;
import loomlab.check.Messages;
import loomlab.check.OrderChoice;
import loomlab.check.ServerKind;
import loomlab.check.TextReport;
import loomlab.load.Terminal;
import loomlab.net.LookupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loomlab check echo|calc|udp-calc HOST PORT}: checks someone else's server against the lecture's protocols. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Check your own server against the lecture's protocols.",
                "Run a battery of small, bounded checks against a server at HOST PORT (yours, on localhost or a lab "
                + "machine; loomlab's server is not needed): the lecture's exchange first, then what real clients do. "
                + "Each failure says what was sent, what came back and a hint naming the likely bug."},
        subcommands = {CheckCommand.Echo.class, CheckCommand.Calc.class, CheckCommand.UdpCalc.class},
        footer = {"", "Exit codes: 0 every required check passed, 1 bad command line, 2 the server",
                  "could not be reached (or a report file could not be written), 4 some required",
                  "check failed.",
                  "Docs: docs/check.md."})
public final class CheckCommand {

    /** Options every protocol's check takes. */
    static final class Common {
        @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "2s",
                converter = Converters.PositiveDuration.class,
                description = "Wait at most this long for the server in each check (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "3s",
                converter = Converters.PositiveDuration.class,
                description = "Give up connecting (name lookup included) after this long (default: ${DEFAULT-VALUE}).")
        Duration connectTimeout;

        @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "20ms",
                converter = Converters.PositiveDuration.class,
                description = "Gap between the pieces of a request sent in pieces, so that each arrives on its own "
                        + "(default: ${DEFAULT-VALUE}).")
        Duration pause;

        @Option(names = "--strict", description = "Also the robustness checks: bad input, clients that vanish in the "
                + "middle; afterwards a valid request must still be served.")
        boolean strict;

        @Option(names = "--lang", paramLabel = "es|en",
                description = "Language of the report (default: from the locale, Spanish if it is Spanish).")
        Messages.Lang lang;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
        Path json;

        @Option(names = "--junit", paramLabel = "FILE",
                description = "Also write the report as JUnit XML to FILE (one test case per check), for CI and autograders.")
        Path junit;

        @Option(names = "--no-color", description = "No colours, even on a terminal (also when NO_COLOR is set).")
        boolean noColor;

        CheckTarget target(String host, int port) throws LookupException {
            return Checker.target(host, port, connectTimeout, timeout, pause);
        }

        Messages messages() {
            return Messages.of(lang != null ? lang : Messages.Lang.fromLocale(Locale.getDefault()));
        }

        /** Prints the report, writes the files asked for; returns the exit code. */
        int run(CommandSpec spec, String host, int port, Battery battery) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Messages m = messages();
            try {
                CheckReport report = battery.run(target(host, port), m);
                boolean colour = !noColor && System.getenv("NO_COLOR") == null && Terminal.stdoutInteractive();
                out.print(TextReport.render(report, m, colour));
                out.flush();
                if (json != null) Files.writeString(json, JsonReport.render(report, m), StandardCharsets.UTF_8);
                if (junit != null) Files.writeString(junit, JunitReport.render(report, m), StandardCharsets.UTF_8);
                return report.exitCode();
            } catch (LookupException e) {
                err.println("loomlab: " + e.getMessage());
                return ExitCodes.SYSTEM;
            } catch (IOException e) {
                err.println("loomlab: cannot write the report: " + e.getMessage());
                return ExitCodes.SYSTEM;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    /** One protocol's battery. */
    interface Battery {
        CheckReport run(CheckTarget target, Messages m);
    }

    @Command(name = "echo", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Check an echo server (server_echo.py).",
                    "Check an echo server as server_echo.py: the lecture's message, one byte per write, several "
                    + "messages on one connection, every byte value, a 1 MiB payload, a half-close."})
    static final class Echo implements java.util.concurrent.Callable<Integer> {
        @Mixin ServerAddress server = new ServerAddress();
        @Mixin Common common = new Common();
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return common.run(spec, server.host, server.port, (t, m) -> Checker.echo(t, m, common.strict));
        }
    }

    @Command(name = "calc", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Check a TCP calc server (server_calc.py, server_calc_conc.py).",
                    "Check a TCP calc server: the lecture's request in six writes, other fragmentations, negative and "
                    + "big numbers, the inputs Python's int() accepts, the reply (the result, two NULs, close), and "
                    + "whether it serves a second client while a first one stalls."})
    static final class Calc implements java.util.concurrent.Callable<Integer> {
        @Mixin ServerAddress server = new ServerAddress();
        @Mixin Common common = new Common();
        @Option(names = "--expect", paramLabel = "serial|concurrent",
                description = "Grade the server kind: serial (server_calc.py) or concurrent (server_calc_conc.py). "
                        + "Without it the kind is reported, not graded.")
        ServerKind expect;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return common.run(spec, server.host, server.port, (t, m) -> Checker.calc(t, m, common.strict, expect));
        }
    }

    @Command(name = "udp-calc", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Check a UDP calc server (the UDP server_calc.py).",
                    "Check a UDP calc server: the lecture's datagram, the byte order, subtraction, two clients, "
                    + "results that wrap modulo 2^32."})
    static final class UdpCalc implements java.util.concurrent.Callable<Integer> {
        @Mixin ServerAddress server = new ServerAddress();
        @Mixin Common common = new Common();
        @Option(names = "--order", paramLabel = "little|big|detect", defaultValue = "little",
                description = "Byte order the server must use: little (struct 'III' on x86, the lecture's), big "
                        + "(network order, '!III' or htonl), or detect (accept either, and say which). "
                        + "Default: ${DEFAULT-VALUE}.")
        OrderChoice order;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            return common.run(spec, server.host, server.port, (t, m) -> Checker.udpCalc(t, m, common.strict, order));
        }
    }
}
