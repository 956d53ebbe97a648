package loomlab.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import loomlab.config.Durations;
import loomlab.config.LogLevel;

/**
 * The serving command line ({@code loomlab [serve] [--config FILE] [--quiet] ...}) read without
 * picocli, because picocli builds its whole reflective command model before it parses anything:
 * on a cold JVM that is most of the server's start-up time (docs/performance.md, "Start-up").
 *
 * <p>It takes only well-formed serving command lines, each option at most once, and returns
 * empty for everything else (help, version, the other commands, a repeated option, a bad value,
 * {@code @file} arguments), which then goes to picocli: its messages stay the only error
 * messages. For every command line it takes, it gives the options picocli would give, which
 * {@code ServeFastPathTest} checks against picocli itself.
 */
final class ServeFastPath {

    /**
     * Every command name in loomlab's tree. picocli refuses a subcommand's name as an option's
     * value, attached or not ("-c serve": "Expected parameter for option '--config' but found
     * 'serve'"), so such a value is left to it. {@code ServeFastPathTest} checks this set against
     * picocli's tree.
     */
    static final Set<String> COMMAND_NAMES = Set.of("serve", "client", "echo", "calc", "udp-calc", "addr",
            "hostname", "dns", "load", "merge", "demo", "check");

    private ServeFastPath() { }

    static Optional<ServeOptions> parse(String... args) {
        ServeOptions options = new ServeOptions();
        Set<String> seen = new HashSet<>();
        int i = args.length > 0 && args[0].equals("serve") ? 1 : 0;
        while (i < args.length) {
            String arg = args[i++];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            String option = canonical(arg);
            if (option == null || !seen.add(option)) return Optional.empty();
            if (takesValue(option)) {
                if (value == null) {
                    if (i == args.length) return Optional.empty();
                    value = args[i++];
                }
                if (!plainValue(value) || !set(options, option, value)) return Optional.empty();
            } else {
                if (value != null) return Optional.empty();
                switch (option) {
                    case "--quiet" -> options.quiet = true;
                    case "--trace" -> options.trace = true;
                    default -> options.printConfig = true;
                }
            }
        }
        return Optional.of(options);
    }

    /** The long name of a serving option, or null for anything this path leaves to picocli. */
    private static String canonical(String arg) {
        return switch (arg) {
            case "-c", "--config" -> "--config";
            case "-q", "--quiet" -> "--quiet";
            case "--print-config", "--log-level", "--admin-port", "--stats-interval", "--trace" -> arg;
            default -> null;
        };
    }

    private static boolean takesValue(String option) {
        return !option.equals("--quiet") && !option.equals("--print-config") && !option.equals("--trace");
    }

    /** picocli reads "-x", "@file" and command names specially; such values are left to it. */
    private static boolean plainValue(String value) {
        return !value.startsWith("-") && !value.startsWith("@") && !COMMAND_NAMES.contains(value);
    }

    private static boolean set(ServeOptions options, String option, String value) {
        try {
            switch (option) {
                case "--config" -> {
                    if (value.isEmpty()) return false; // picocli says the name is empty
                    options.config = Path.of(value);
                }
                case "--log-level" -> options.logLevel = LogLevel.valueOf(value.toUpperCase(Locale.ROOT));
                case "--admin-port" -> {
                    // plain decimal only: "010" or "+80" are left to picocli's own reading
                    if (!value.matches("0|[1-9][0-9]{0,4}")) return false;
                    int port = Integer.parseInt(value);
                    if (!ServeOptions.validAdminPort(port)) return false;
                    options.adminPort = port;
                }
                default -> options.statsInterval = Durations.parse(value, Durations.Kind.INTERVAL);
            }
            return true;
        } catch (IllegalArgumentException | Durations.BadDuration e) {
            // a bad path, level, number or duration (InvalidPathException and NumberFormatException
            // are IllegalArgumentExceptions): picocli will say what is wrong with it
            return false;
        }
    }
}
