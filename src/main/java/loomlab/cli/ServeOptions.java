package loomlab.cli;

import java.nio.file.Path;
import java.time.Duration;
import loomlab.config.ConfigException;
import loomlab.config.ConfigLoader;
import loomlab.config.ConfigOverrides;
import loomlab.config.LogLevel;
import loomlab.config.ServerConfig;
import loomlab.metrics.ProcessMetrics;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the server, shared by {@code loomlab} alone and {@code loomlab serve}. */
final class ServeOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", converter = Converters.FileName.class,
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

    @Option(names = "--trace",
            description = "Record every service's last exchanges (client, bytes each way, how each ended) for the"
                    + " admin endpoint's /traces and the dashboard; same as \"trace\": true on each service.")
    boolean trace;

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    Integer adminPort;

    @Option(names = "--stats-interval", paramLabel = "DURATION", converter = Converters.Interval.class,
            description = "Log a stats line this often (10s, 500ms, 2m: 100ms to 1d; 0 turns it off)."
                    + " Overrides the config's statsInterval.")
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

    static boolean validAdminPort(int port) {
        return port >= 0 && port <= 65535;
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
