package loomlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import loomlab.admin.Observability;
import loomlab.config.ConfigException;
import loomlab.config.ConfigWriter;
import loomlab.config.Durations;
import loomlab.config.ServerConfig;
import loomlab.log.Logging;
import loomlab.server.Server;
import loomlab.server.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loomlab serve}: runs the configured services until SIGINT/SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Serve the lecture's services (echo, calc, udp calc) from one process.")
public final class ServeCommand implements Callable<Integer> {

    /** In picocli's model through {@link ServeOptions#addTo} (Main.commandLine), not by annotations. */
    final ServeOptions options = new ServeOptions();
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
        System.Logger log = System.getLogger("loomlab");
        // Said before the first signal can come: a second one right after it must not go unexplained.
        signals.onSecondSignal(again -> log.log(System.Logger.Level.WARNING, again
                + " again: stopping now, closing every connection still open"));
        String signal;
        try {
            signal = signals.await();
        } catch (InterruptedException e) {
            signal = "interrupt";
        }
        return stop(server, observability, config, signal);
    }

    /**
     * The graceful stop, which cannot fail: whatever throws is logged once and the stop goes on;
     * exit 0 when it ran through (a second signal cutting the grace short included), 2 when
     * something failed on the way.
     */
    private static int stop(Server server, Observability observability, ServerConfig config, String signal) {
        System.Logger log = System.getLogger("loomlab");
        log.log(System.Logger.Level.INFO, signal + ": stopping; connections in progress have "
                + Durations.format(config.shutdownGrace()) + " to finish (" + signal + " again to stop now)");
        boolean failed = false;
        try {
            server.shutdown(config.shutdownGrace());
        } catch (RuntimeException | Error e) {
            failed = true;
            log.log(System.Logger.Level.ERROR, "stopping the services failed; closing them as they are", e);
            try {
                server.close();
            } catch (RuntimeException | Error again) {
                // already reported once; the process exits anyway
            }
        }
        try {
            observability.close();
        } catch (RuntimeException | Error e) {
            failed = true;
            log.log(System.Logger.Level.ERROR, "stopping the admin endpoint or the stats line failed", e);
        }
        return failed ? ExitCodes.SYSTEM : ExitCodes.OK;
    }
}
