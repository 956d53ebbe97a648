package loomlab.cli;

import java.nio.file.Path;
import loomlab.config.ConfigException;
import loomlab.config.ConfigLoader;
import loomlab.config.LogLevel;
import loomlab.config.ServerConfig;
import picocli.CommandLine.Option;

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

    ServerConfig effectiveConfig() throws ConfigException {
        ServerConfig c = config == null ? ConfigLoader.loadDefault() : ConfigLoader.load(config);
        if (logLevel != null) c = c.withLogLevel(logLevel);
        if (quiet) c = c.withLogLevel(LogLevel.QUIET);
        return c;
    }
}
