package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import loomlab.config.LogLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The serving fast path gives exactly what picocli gives, and leaves everything else to picocli. */
class ServeFastPathTest {

    /** Words a serving command line is made of, good and bad, including picocli's special forms. */
    private static final List<String> WORDS = List.of(
            "serve", "client", "-c", "--config", "--config=a.json", "--config=", "a.json", "b c.json", "",
            "-q", "--quiet", "--quiet=true", "--print-config", "--log-level", "--log-level=Info", "debug",
            "QUIET", "Warning", "verbose", " info", "--admin-port", "--admin-port=8080", "0", "65535",
            "65536", "-1", "010", "+80", "0x50", "--stats-interval", "--stats-interval=0", "10s", "500ms",
            "2m", " 3s ", "5x", "99999999999999999999s", "-h", "--help", "-V", "--version", "--", "-qc",
            "-cq", "-c=a.json", "-ca.json", "@args.txt", "--bogus", "--log-level=", "--conf", "--config=serve",
            "load", "echo", "udp-calc", "--trace", "--trace=true");

    /** Every name of every serving option, from the one table: a new option is compared without a test edit. */
    private static final List<String> OPTIONS = Arrays.stream(ServeOptions.Option.values())
            .flatMap(o -> o.names().stream()).toList();
    private static final List<String> VALUES = List.of("a.json", "debug", "Quiet", "info", "0", "8080", "10s",
            "500ms", "0", "loud", "65536", "-1", "", "serve", "client", "calc");

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> anyWords = Arbitraries.of(WORDS).list().ofMaxSize(6);
        // Mostly option, value, option, value...: lines the fast path may well take.
        Arbitrary<List<String>> optionsAndValues = Arbitraries.oneOf(Arbitraries.of(OPTIONS), Arbitraries.of(VALUES))
                .list().ofMaxSize(6)
                .flatMap(line -> Arbitraries.of(true, false).map(serve -> {
                    if (!serve) return line;
                    List<String> withServe = new ArrayList<>(line);
                    withServe.add(0, "serve");
                    return withServe;
                }));
        return Arbitraries.oneOf(anyWords, optionsAndValues);
    }

    @Property(tries = 1500)
    void whatTheFastPathTakesPicocliReadsTheSameWay(@ForAll("commandLines") List<String> words) {
        compared(words);
    }

    /** Compares the two readings of a line the fast path takes; false for a line it leaves to picocli. */
    private static boolean compared(List<String> words) {
        String[] args = words.toArray(String[]::new);
        Optional<ServeOptions> fast = ServeFastPath.parse(args);
        if (fast.isEmpty()) return false;
        ServeOptions picocli = picocliServeOptions(args);
        assertEquals(view(picocli), view(fast.get()), String.join(" | ", words));
        assertEquals(fields(picocli), fields(fast.get()), String.join(" | ", words));
        return true;
    }

    /**
     * picocli's serving options are the table's, on both commands: an option added to a command
     * some other way (an annotation) would be one the fast path does not know.
     */
    @Test
    void picocliServingOptionsAreExactlyTheTable() {
        Set<String> table = new HashSet<>(OPTIONS);
        CommandLine top = Main.commandLine();
        for (CommandLine command : List.of(top, top.getSubcommands().get("serve"))) {
            Set<String> names = new HashSet<>();
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) continue;
                names.addAll(List.of(option.names()));
            }
            assertEquals(table, names, command.getCommandName());
        }
    }

    /** Each option of the table, with a value picocli takes, is read by the fast path as picocli reads it. */
    @Test
    void everyOptionOfTheTableIsTakenByTheFastPath() {
        for (ServeOptions.Option option : ServeOptions.Option.values()) {
            List<String> line = new ArrayList<>(List.of(option.names().getLast()));
            if (option.takesValue()) line.add(SAMPLE_VALUES.get(option));
            assertTrue(ServeFastPath.parse(line.toArray(String[]::new)).isPresent(), line.toString());
            assertTrue(compared(line), line.toString());
            assertFalse(fields(new ServeOptions()).equals(fields(ServeFastPath.parse(line.toArray(String[]::new)).orElseThrow())),
                    line + " sets nothing");
        }
    }

    private static final Map<ServeOptions.Option, String> SAMPLE_VALUES = Map.of(ServeOptions.Option.CONFIG, "a.json",
            ServeOptions.Option.LOG_LEVEL, "warning", ServeOptions.Option.STATS_INTERVAL, "3s",
            ServeOptions.Option.ADMIN_PORT, "8080");

    /** Every option followed by every word, at the top and after "serve": no luck needed. */
    @Test
    void everyOptionWithEveryFollowingWordReadsAsPicocliReadsIt() {
        for (String option : OPTIONS) {
            int taken = 0;
            for (String word : WORDS) {
                if (compared(List.of(option, word))) taken++;
                if (compared(List.of("serve", option, word))) taken++;
            }
            assertTrue(taken > 0, option + ": the fast path took no line, so nothing was compared");
        }
    }

    @Test
    void knowsEveryCommandNameInPicocliTree() {
        Set<String> names = new HashSet<>();
        collectNames(Main.commandLine(), names);
        names.remove("loomlab");
        assertEquals(names, ServeFastPath.COMMAND_NAMES);
    }

    private static void collectNames(CommandLine command, Set<String> names) {
        names.add(command.getCommandName());
        names.addAll(List.of(command.getCommandSpec().aliases()));
        command.getSubcommands().values().forEach(sub -> collectNames(sub, names));
    }

    @Property(tries = 1500)
    void theComparisonCoversBothPaths(@ForAll("commandLines") List<String> words) {
        Statistics.collect(ServeFastPath.parse(words.toArray(String[]::new)).isPresent());
        Statistics.coverage(c -> {
            c.check(true).percentage(p -> p > 10);
            c.check(false).percentage(p -> p > 10);
        });
    }

    @Test
    void takesTheUsualServingLines() {
        assertEquals(new View(null, false, false, null, null, null), view(ServeFastPath.parse().orElseThrow()));
        assertEquals(new View(Path.of("lab.json"), false, true, null, null, null),
                view(ServeFastPath.parse("serve", "--config", "lab.json", "-q").orElseThrow()));
        assertEquals(new View(null, false, true, null, null, null, true),
                view(ServeFastPath.parse("serve", "--trace", "-q").orElseThrow()));
        assertEquals(new View(Path.of("x.json"), true, false, LogLevel.DEBUG, 0, Duration.ofSeconds(10)),
                view(ServeFastPath.parse("-c", "x.json", "--print-config", "--log-level=debug", "--admin-port", "0",
                        "--stats-interval", "10s").orElseThrow()));
    }

    @Test
    void leavesHelpOtherCommandsRepeatsAndBadValuesToPicocli() {
        for (List<String> line : List.of(List.of("--help"), List.of("serve", "-h"), List.of("--version"),
                List.of("client", "echo"), List.of("-q", "serve"), List.of("-q", "--quiet"),
                List.of("--config"), List.of("--config", "--quiet"), List.of("--admin-port", "70000"),
                List.of("--stats-interval", "soon"), List.of("--log-level", "loud"), List.of("@more-args"),
                List.of("--", "x"), List.of("-c", "serve"), List.of("serve", "--config", "client"))) {
            assertFalse(ServeFastPath.parse(line.toArray(String[]::new)).isPresent(), line.toString());
        }
    }

    @Test
    void picocliAgreesOnTheUsualLines() {
        String[] args = {"serve", "--config=lab.json", "--quiet", "--stats-interval", "2m"};
        assertEquals(view(picocliServeOptions(args)), view(ServeFastPath.parse(args).orElseThrow()));
        assertTrue(picocliServeOptions(args).quiet);
    }

    private static ServeOptions picocliServeOptions(String... args) {
        ParseResult result;
        try {
            result = Main.commandLine().parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return fail("the fast path took a line picocli rejects: " + List.of(args) + ": " + e.getMessage());
        }
        while (result.hasSubcommand()) result = result.subcommand();
        if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
            return fail("the fast path took a help or version request: " + List.of(args));
        }
        Object command = result.commandSpec().userObject();
        if (command instanceof LoomlabCommand top) return top.options;
        if (command instanceof ServeCommand serve) return serve.options;
        return fail("the fast path took another command's line: " + List.of(args) + " -> " + command);
    }

    private record View(Path config, boolean printConfig, boolean quiet, LogLevel logLevel, Integer adminPort,
                        Duration statsInterval, boolean trace) {
        View(Path config, boolean printConfig, boolean quiet, LogLevel logLevel, Integer adminPort, Duration statsInterval) {
            this(config, printConfig, quiet, logLevel, adminPort, statsInterval, false);
        }
    }

    /** Every field of the options, by name, whatever options there are. */
    private static Map<String, Object> fields(ServeOptions o) {
        Map<String, Object> values = new TreeMap<>();
        for (Field f : ServeOptions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            try {
                values.put(f.getName(), f.get(o));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    private static View view(ServeOptions o) {
        return new View(o.config, o.printConfig, o.quiet, o.logLevel, o.adminPort, o.statsInterval, o.trace);
    }
}
