package loomlab.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import loomlab.client.UdpCalcClient;
import loomlab.config.WireOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab client udp-calc HOST PORT A B OP}: the lecture's UDP {@code client_calc.py}. */
@Command(name = "udp-calc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Add or subtract over UDP, as the UDP client_calc.py.",
                "Send one 12-byte datagram (A, B, OP as unsigned 32-bit integers, struct.pack('III')) and "
                + "print the unsigned 32-bit result of the 4-byte reply (OP 0 adds, anything else subtracts, "
                + "modulo 2^32), as the UDP client_calc.py. A lost datagram ends with a timeout (exit 2)."})
public final class UdpCalcClientCommand implements Callable<Integer> {

    @Mixin ServerAddress server = new ServerAddress();

    @Parameters(index = "2", paramLabel = "A", converter = Converters.UnsignedInt32.class, description = "0 to 4294967295.")
    long a;

    @Parameters(index = "3", paramLabel = "B", converter = Converters.UnsignedInt32.class, description = "0 to 4294967295.")
    long b;

    @Parameters(index = "4", paramLabel = "OP", converter = Converters.UnsignedInt32.class,
            description = "0 for A + B, anything else for A - B.")
    long op;

    @Option(names = "--order", paramLabel = "little|big", defaultValue = "little",
            description = "Byte order of the integers: little (what Python's struct.pack('III') sends on x86, "
                    + "loomlab's default) or big (network order, a C client using htonl). Default: ${DEFAULT-VALUE}.")
    WireOrder order;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.Timeout.class,
            description = "Wait this long for the reply to each attempt (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "Send the request again up to N times when no reply comes (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = {"-q", "--quiet"}, description = "Print only the result (for scripts).")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (retries < 0 || retries > 100) {
            throw new ParameterException(spec.commandLine(), "--retries must be from 0 to 100, not " + retries);
        }
        return ClientOutcome.run(spec, out -> {
            UdpCalcClient.Answer answer = UdpCalcClient.calc(server.host, server.port, a, b, op, order.byteOrder(),
                    timeout, retries);
            out.println(answer.result());
            if (!quiet && answer.attempts() > 1) out.println("(answered on attempt " + answer.attempts() + ")");
            if (!quiet) out.println("closing socket");
            return ExitCodes.OK;
        });
    }
}
