package loomlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import loomlab.admin.Observability;
import loomlab.config.ConfigException;
import loomlab.config.ConfigWriter;
import loomlab.config.ServerConfig;
import loomlab.log.Logging;
import loomlab.server.Server;
import loomlab.server.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loomlab serve}: runs the configured services until SIGINT/SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Serve the lecture's services (echo, calc, udp calc) from one process.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin ServeOptions options = new ServeOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return serve(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Serves until stopped; also the target of {@link ServeFastPath}, which has no picocli model. */
    static int serve(ServeOptions options, PrintWriter out, PrintWriter err) {
        ServerConfig config;
        try {
            config = options.effectiveConfig();
        } catch (ConfigException e) {
            err.println("loomlab: config error: " + e.getMessage().replace("\n", "\n  "));
            return ExitCodes.CONFIG;
        }
        if (options.printConfig) {
            out.print(ConfigWriter.toJson(config));
            out.flush();
            return ExitCodes.OK;
        }
        Logging.configure(config.logLevel());
        // Handlers first: a SIGTERM that arrives while the services start still stops them gracefully.
        StopSignals signals = new StopSignals();
        Server server;
        Observability observability;
        try {
            server = Server.start(config);
        } catch (StartupException e) {
            System.getLogger("loomlab").log(System.Logger.Level.ERROR, e.getMessage());
            return ExitCodes.SYSTEM;
        }
        try {
            observability = Observability.start(server, Version.version());
        } catch (StartupException e) {
            server.close();
            System.getLogger("loomlab").log(System.Logger.Level.ERROR, e.getMessage());
            return ExitCodes.SYSTEM;
        }
        String signal;
        try {
            signal = signals.await();
        } catch (InterruptedException e) {
            signal = "interrupt";
        }
        System.getLogger("loomlab").log(System.Logger.Level.INFO, signal + ": stopping; connections in progress have "
                + config.shutdownGrace().toMillis() + " ms to finish");
        server.shutdown(config.shutdownGrace());
        observability.close();
        return ExitCodes.OK;
    }
}
