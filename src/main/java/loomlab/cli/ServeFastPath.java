package loomlab.cli;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The serving command line ({@code loomlab [serve] [--config FILE] [--quiet] ...}) read without
 * picocli, because picocli builds its whole reflective command model before it parses anything:
 * on a cold JVM that is most of the server's start-up time (docs/performance.md, "Start-up").
 *
 * <p>It knows the options from the one table picocli's model of the serving commands is built
 * from ({@link ServeOptions.Option}), and reads each value with the same converter picocli uses.
 * It takes only well-formed serving command lines, each option at most once, and returns
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
        Set<ServeOptions.Option> seen = EnumSet.noneOf(ServeOptions.Option.class);
        int i = args.length > 0 && args[0].equals("serve") ? 1 : 0;
        while (i < args.length) {
            String arg = args[i++];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            // Not a serving option (an unknown one, help, a command...), or one given twice: picocli says what it is.
            ServeOptions.Option option = ServeOptions.Option.named(arg);
            if (option == null || !seen.add(option)) return Optional.empty();
            if (option.takesValue()) {
                if (value == null) {
                    if (i == args.length) return Optional.empty();
                    value = args[i++];
                }
                if (!plainValue(value) || !set(options, option, value)) return Optional.empty();
            } else {
                if (value != null) return Optional.empty();
                option.set(options, Boolean.TRUE);
            }
        }
        return Optional.of(options);
    }

    /** picocli reads "-x", "@file" and command names specially; such values are left to it. */
    private static boolean plainValue(String value) {
        return !value.startsWith("-") && !value.startsWith("@") && !COMMAND_NAMES.contains(value);
    }

    /** Reads and sets a value as picocli would; false for one it would refuse, so that it says why. */
    private static boolean set(ServeOptions options, ServeOptions.Option option, String value) {
        try {
            option.set(options, option.readWithoutPicocli(value));
            return true;
        } catch (Exception e) {
            // a bad path, level, number, duration or port: picocli will say what is wrong with it
            return false;
        }
    }
}
