package loomlab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code java -jar server.jar} and of the native binary. */
public final class Main {

    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests without a new process). */
    public static int run(String... args) {
        // Serving is what most runs do, and it should start fast: picocli's model is built only
        // for what the fast path leaves to it (help, the other commands, every error message).
        Optional<ServeOptions> serving = ServeFastPath.parse(args);
        if (serving.isPresent()) {
            return ServeCommand.serve(serving.get(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LoomlabCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A bad command line: name the problem and where help is, not the whole usage text.
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("loomlab: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        // Anything a command did not handle itself: one line, no stack trace, system error.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("loomlab: " + e);
            return ExitCodes.SYSTEM;
        });
        return cl;
    }
}
