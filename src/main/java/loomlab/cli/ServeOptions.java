package loomlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import loomlab.config.AdminConfig;
import loomlab.config.ConfigException;
import loomlab.config.ConfigLoader;
import loomlab.config.Durations;
import loomlab.config.LogLevel;
import loomlab.config.ServerConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the server, shared by {@code loomlab} alone and {@code loomlab serve}. */
final class ServeOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "JSON config file (default: the embedded config, see --print-config).")
    Path config;

    @Option(names = "--print-config",
            description = "Print the effective config as JSON and exit: a starting point for your own file.")
    boolean printConfig;

    @Option(names = {"-q", "--quiet"},
            description = "No per-connection log lines (for demos and benchmarks); same as --log-level quiet.")
    boolean quiet;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "debug, info, quiet or warning (overrides the config's logLevel).")
    LogLevel logLevel;

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    Integer adminPort;
    Duration statsInterval;

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "Serve the admin endpoint (dashboard, /metrics, /status, /health) on this port;"
                    + " 0 picks a free one. Overrides the config's admin.port and turns the endpoint on.")
    void adminPort(int port) {
        if (!validAdminPort(port)) {
            throw new ParameterException(spec.commandLine(), "--admin-port " + port + " is out of range 0-65535 (0 picks a free port)");
        }
        adminPort = port;
    }

    @Option(names = "--stats-interval", paramLabel = "DURATION",
            description = "Log a stats line this often (10s, 500ms, 2m; 0 turns it off). Overrides the config's statsInterval.")
    void statsInterval(String text) {
        Duration d = parseStatsInterval(text);
        if (d == null) {
            throw new ParameterException(spec.commandLine(), "--stats-interval '" + text + "' is not a duration such as 10s, 500ms or 2m");
        }
        statsInterval = d;
    }

    static boolean validAdminPort(int port) {
        return port >= 0 && port <= 65535;
    }

    /** "10s", "500ms", "2m" or "0" (off); null for anything else. */
    static Duration parseStatsInterval(String text) {
        return text.trim().equals("0") ? Duration.ZERO : Durations.parse(text);
    }

    ServerConfig effectiveConfig() throws ConfigException {
        ServerConfig c = config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
        if (adminPort != null) c = c.withAdmin(new AdminConfig(true, c.admin().host(), adminPort));
        if (statsInterval != null) c = c.withStatsInterval(statsInterval);
        if (logLevel != null) c = c.withLogLevel(logLevel);
        if (quiet) c = c.withLogLevel(LogLevel.QUIET);
        return c;
    }
}
