package loomlab.cli;

import java.math.BigInteger;
import java.util.concurrent.Callable;
import loomlab.client.CalcClient;
import loomlab.protocol.calc.CalcClientCodec.Reply;
import loomlab.protocol.calc.CalcRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab client calc HOST PORT A B OP}: the lecture's TCP {@code client_calc.py}. */
@Command(name = "calc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Add or subtract over TCP, as the TCP client_calc.py.",
                "Send A, B and OP as text, each followed by a NUL, and print the result the server sends "
                + "back (OP 0 adds, any other value subtracts), as the TCP client_calc.py. Numbers of any "
                + "size, negative ones as they are (-5). A loomlab 'ERROR <reason>' "
                + "reply is printed on stderr (exit 4)."})
public final class CalcClientCommand implements Callable<Integer> {

    @Mixin ServerAddress server = new ServerAddress();

    @Parameters(index = "2", paramLabel = "A", converter = Converters.CalcInteger.class, description = "First number.")
    BigInteger a;

    @Parameters(index = "3", paramLabel = "B", converter = Converters.CalcInteger.class, description = "Second number.")
    BigInteger b;

    @Parameters(index = "4", paramLabel = "OP", converter = Converters.CalcInteger.class,
            description = "0 for A + B, anything else for A - B.")
    BigInteger op;

    @Mixin TcpClientOptions options = new TcpClientOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return options.run(server, spec, (exchange, out) -> {
            Reply reply = CalcClient.calc(exchange, new CalcRequest(a, b, op));
            if (reply instanceof Reply.Result r) {
                out.println(r.value());
                return ExitCodes.OK;
            }
            spec.commandLine().getErr().println("ERROR " + ((Reply.Error) reply).reason());
            return ExitCodes.FAILED;
        });
    }
}
