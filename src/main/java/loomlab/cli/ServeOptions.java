package loomlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import loomlab.config.ConfigException;
import loomlab.config.ConfigLoader;
import loomlab.config.ConfigOverrides;
import loomlab.config.LogLevel;
import loomlab.config.ServerConfig;
import loomlab.metrics.ProcessMetrics;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The options of the server, shared by {@code loomlab} alone and {@code loomlab serve}.
 *
 * <p>Each option is declared once, as a constant of {@link Option}: its names, its help, how its
 * value is read and which field it sets. picocli's model of both commands is built from that
 * table ({@link #addTo}), and so is {@link ServeFastPath}, which reads a plain serving command
 * line without picocli: a new serving option is one constant (and its field), for both paths.
 */
final class ServeOptions {

    /** Every serving option; each constant is the whole of one option. */
    enum Option {
        CONFIG(Path.class, "FILE", "JSON config file (default: the embedded config, see --print-config).",
                "-c", "--config") {
            @Override
            ITypeConverter<?> converter() {
                return new Converters.FileName();
            }

            @Override
            void set(ServeOptions options, Object value) {
                options.config = (Path) value;
            }
        },
        PRINT_CONFIG(boolean.class, null,
                "Print the effective config as JSON and exit: a starting point for your own file.", "--print-config") {
            @Override
            void set(ServeOptions options, Object value) {
                options.printConfig = Boolean.TRUE.equals(value);
            }
        },
        QUIET(boolean.class, null,
                "No per-connection log lines (for demos and benchmarks); same as --log-level quiet.", "-q", "--quiet") {
            @Override
            void set(ServeOptions options, Object value) {
                options.quiet = Boolean.TRUE.equals(value);
            }
        },
        LOG_LEVEL(LogLevel.class, "LEVEL", "debug, info, quiet or warning (overrides the config's logLevel).",
                "--log-level") {
            /** picocli reads it as an enum, case-insensitive (Main says so): its message names the levels. */
            @Override
            Object readWithoutPicocli(String value) {
                return LogLevel.valueOf(value.toUpperCase(Locale.ROOT));
            }

            @Override
            void set(ServeOptions options, Object value) {
                options.logLevel = (LogLevel) value;
            }
        },
        TRACE(boolean.class, null,
                "Record every service's last exchanges (client, bytes each way, how each ended) for the"
                        + " admin endpoint's /traces and the dashboard; same as \"trace\": true on each service.",
                "--trace") {
            @Override
            void set(ServeOptions options, Object value) {
                options.trace = Boolean.TRUE.equals(value);
            }
        },
        STATS_INTERVAL(Duration.class, "DURATION",
                "Log a stats line this often (10s, 500ms, 2m: 100ms to 1d; 0 turns it off)."
                        + " Overrides the config's statsInterval.", "--stats-interval") {
            @Override
            ITypeConverter<?> converter() {
                return new Converters.Interval();
            }

            @Override
            void set(ServeOptions options, Object value) {
                options.statsInterval = (Duration) value;
            }
        },
        ADMIN_PORT(int.class, "PORT",
                "Serve the admin endpoint (dashboard, /metrics, /status, /health) on this port;"
                        + " 0 picks a free one. Overrides the config's admin.port and turns the endpoint on.",
                "--admin-port") {
            @Override
            ITypeConverter<?> converter() {
                return new Converters.WholeNumber();
            }

            @Override
            void set(ServeOptions options, Object value) {
                Integer port = (Integer) value;
                if (port != null && !validAdminPort(port)) {
                    throw new IllegalArgumentException("--admin-port " + port + " is out of range 0-65535 (0 picks a free port)");
                }
                options.adminPort = port;
            }
        };

        private final Class<?> type;
        /** The value's name in the help, or null for a flag (an option without a value). */
        private final String label;
        private final String description;
        private final List<String> names;

        Option(Class<?> type, String label, String description, String... names) {
            this.type = type;
            this.label = label;
            this.description = description;
            this.names = List.of(names);
        }

        /** The option one of these names is, or null for any other word. */
        static Option named(String name) {
            for (Option option : values()) {
                if (option.names.contains(name)) return option;
            }
            return null;
        }

        /** Its names, short ones first, as picocli knows them. */
        List<String> names() {
            return names;
        }

        boolean takesValue() {
            return label != null;
        }

        /** How picocli reads the value, or null for picocli's own reading of {@link #type} (an enum). */
        ITypeConverter<?> converter() {
            return null;
        }

        /**
         * The value as picocli would read it, without picocli: by the same converter; an option
         * without one says how here. A value picocli would refuse throws.
         */
        Object readWithoutPicocli(String value) throws Exception {
            return converter().convert(value);
        }

        /** Puts a value read from the command line into its field; throws IllegalArgumentException for one out of range. */
        abstract void set(ServeOptions options, Object value);
    }

    Path config;
    boolean printConfig;
    boolean quiet;
    LogLevel logLevel;
    boolean trace;
    Integer adminPort;
    Duration statsInterval;

    static boolean validAdminPort(int port) {
        return port >= 0 && port <= 65535;
    }

    /**
     * Adds every serving option to a command's picocli model, each setting its field here; an
     * out-of-range value is a bad command line, said as the setter says it.
     */
    void addTo(CommandSpec command) {
        for (Option option : Option.values()) {
            OptionSpec.Builder spec = OptionSpec.builder(option.names.toArray(new String[0]))
                    .type(option.type)
                    .description(option.description)
                    .setter(new ISetter() {
                        @Override
                        public <T> T set(T value) {
                            try {
                                option.set(ServeOptions.this, value);
                            } catch (IllegalArgumentException e) {
                                throw new ParameterException(command.commandLine(), e.getMessage());
                            }
                            return null;
                        }
                    });
            if (option.takesValue()) spec.paramLabel(option.label);
            ITypeConverter<?> converter = option.converter();
            if (converter != null) spec.converters(converter);
            command.addOption(spec.build());
        }
    }

    /**
     * The config file (or the default) with the options applied, validated as one: a clash the
     * options make (an admin port a service uses) or a reserve the open files limit cannot give
     * is a config error before anything starts.
     */
    ServerConfig effectiveConfig() throws ConfigException {
        ConfigOverrides overrides = new ConfigOverrides(adminPort, statsInterval, quiet ? LogLevel.QUIET : logLevel, trace);
        long fdLimit = ProcessMetrics.maxFds();
        return config == null ? ConfigLoader.loadDefault(overrides, fdLimit) : ConfigLoader.load(config, overrides, fdLimit);
    }
}
