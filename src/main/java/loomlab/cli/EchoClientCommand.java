package loomlab.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import loomlab.client.EchoClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab client echo HOST PORT [MESSAGE]}: the lecture's {@code client_echo.py}. */
@Command(name = "echo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Echo a message, as client_echo.py.",
                "Send MESSAGE and a NUL byte, read the echo up to the NUL and print it, as client_echo.py. "
                + "The echo must equal the message (else exit 4)."})
public final class EchoClientCommand implements Callable<Integer> {

    @Mixin ServerAddress server = new ServerAddress();

    @Parameters(index = "2", arity = "0..1", paramLabel = "MESSAGE", defaultValue = EchoClient.LECTURE_MESSAGE,
            description = "Text to send, UTF-8 (default: the lecture's \"${DEFAULT-VALUE}\").")
    String message;

    @Mixin TcpClientOptions options = new TcpClientOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return options.run(server, spec, (exchange, out) -> {
            byte[] reply = EchoClient.echo(exchange, bytes);
            String text = new String(reply, StandardCharsets.UTF_8);
            out.println(options.quiet ? text : "Recibido= " + text);
            return ExitCodes.OK;
        });
    }
}
