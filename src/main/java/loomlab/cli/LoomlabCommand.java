package loomlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loomlab}: without a subcommand it serves, like {@code loomlab serve}. */
@Command(name = "loomlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "The socket lab of 'Sockets en Python' on virtual threads: TCP echo, TCP calc (serial"
            + " and concurrent), UDP calc; the lecture's clients and address tools; a load generator and a"
            + " scalability demo. Without a command it serves the default services on 127.0.0.1.",
        subcommands = {ServeCommand.class, ClientCommand.class, AddrCommand.class, HostnameCommand.class,
            DnsCommand.class, LoadCommand.class, DemoCommand.class, CheckCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 bad command line, 2 system error (port in use, refused,",
                  "timeout), 3 config error, 4 a request failed (error reply, wrong result).",
                  "Docs: docs/ in the source tree; start with docs/lab-guide.md."})
public final class LoomlabCommand implements Callable<Integer> {

    /** In picocli's model through {@link ServeOptions#addTo} (Main.commandLine), not by annotations. */
    final ServeOptions options = new ServeOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return ServeCommand.serve(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
