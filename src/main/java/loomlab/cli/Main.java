package loomlab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import loomlab.config.Shown;
import picocli.CommandLine;

/** Entry point of {@code java -jar server.jar} and of the native binary. */
public final class Main {

    private Main() { }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (RuntimeException | Error e) {
            // Nothing may leave the main thread dead and the JVM running (the signal handlers
            // replace the JVM's own): one line, and the process ends.
            exit = unexpected(new PrintWriter(System.err, true), e);
        }
        System.exit(exit);
    }

    /**
     * "loomlab load: Invalid value for option '--rate': ... (see 'loomlab load --help')": one
     * line, control characters escaped, long values cut, picocli's suggestions folded in.
     */
    static String usageLine(CommandLine.ParameterException e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\R", " ");
        if (e instanceof CommandLine.UnmatchedArgumentException u && !message.startsWith("Unknown option")
                && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            var commands = e.getCommandLine().getSubcommands().keySet();
            message = !commands.isEmpty() && !first.startsWith("-")
                    ? "unknown command " + Shown.quoted(first) + " (commands: " + String.join(", ", commands) + ")"
                    : "unexpected argument " + Shown.quoted(first);
        }
        StringBuilder line = new StringBuilder("loomlab: ").append(Shown.escaped(message, 400));
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions().stream().limit(3).toList()))
                    .append("?)");
        }
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        return line.append("; see '").append(command).append(" --help'").toString();
    }

    /** A failure no command handled: a bug, said in one line (exit 2), the same on every path. */
    static int unexpected(PrintWriter err, Throwable e) {
        err.println("loomlab: unexpected failure, please report it: " + String.valueOf(e).replaceAll("\\p{Cntrl}", "?"));
        err.flush();
        return ExitCodes.SYSTEM;
    }

    /** Runs a command line and returns its exit code (used by tests without a new process). */
    public static int run(String... args) {
        // Serving is what most runs do, and it should start fast: picocli's model is built only
        // for what the fast path leaves to it (help, the other commands, every error message).
        Optional<ServeOptions> serving = ServeFastPath.parse(args);
        if (serving.isPresent()) {
            PrintWriter err = new PrintWriter(System.err, true);
            try {
                return ServeCommand.serve(serving.get(), new PrintWriter(System.out, true), err);
            } catch (RuntimeException | Error e) {
                return unexpected(err, e);
            }
        }
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        LoomlabCommand top = new LoomlabCommand();
        CommandLine cl = new CommandLine(top);
        // The serving options are declared once, in ServeOptions.Option, for this model and for ServeFastPath.
        top.options.addTo(cl.getCommandSpec());
        CommandLine serve = cl.getSubcommands().get("serve");
        serve.<ServeCommand>getCommand().options.addTo(serve.getCommandSpec());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A bad command line: one line that names the problem and where help is, not the usage text.
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(usageLine(e));
            err.flush();
            return ExitCodes.USAGE;
        });
        // Words picocli could not place are an error even when --help or --version came too:
        // "loomlab frobnicate --help" is no command, and must not print help and exit 0.
        cl.setExecutionStrategy(parseResult -> {
            for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
                if (!p.unmatched().isEmpty()) {
                    throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.registerConverter(Integer.class, new Converters.WholeNumber());
        cl.registerConverter(Integer.TYPE, new Converters.WholeNumber());
        cl.registerConverter(java.nio.file.Path.class, new Converters.FileName());
        // Anything a command did not handle itself: one line, no stack trace, system error.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> unexpected(commandLine.getErr(), e));
        return cl;
    }
}
