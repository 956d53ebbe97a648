package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import loomlab.config.LogLevel;
import loomlab.config.Mode;
import loomlab.load.LoadSettings;
import loomlab.load.Terminal;
import loomlab.load.Workload;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.DemoRun;
import loomlab.load.demo.DemoSettings;
import loomlab.load.report.DemoReportFiles;
import loomlab.log.Logging;
import loomlab.server.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loomlab demo}: serial vs platform vs virtual threads under rising load, as an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Scalability demo: serial vs platform vs virtual threads, as an HTML report.",
        description = {
            "Scalability demo: the same server in serial, platform-thread and",
            "virtual-thread mode, each under 1, 10, 100, 1,000 and 10,000 clients",
            "(clamped to what the open-file limit allows), then an HTML report with",
            "charts (throughput, p99 latency, clients served, threads, memory per",
            "client) and the raw data as JSON and CSV. The servers run in this process",
            "on ephemeral loopback ports, unless --target names external ones. The",
            "default run takes about two minutes.",
            ""
        },
        footer = {"", "Examples:",
                  "  loomlab demo                         (or: make demo)",
                  "  loomlab demo --clients 1,10,100 --step 3s --out /tmp/demo",
                  "  loomlab demo --protocol calc --modes platform,virtual",
                  "  loomlab demo --modes virtual --target virtual=127.0.0.1:10000",
                  "", "Docs: docs/scalability-demo.md"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--protocol", defaultValue = "echo",
            paramLabel = "PROTOCOL",
            description = "echo (each client keeps a connection) or calc (a connection per request) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = {"-n", "--clients"}, split = ",", paramLabel = "N",
            description = "Client counts, comma-separated (default: 1,10,100,1000,10000).")
    List<Integer> clients;

    @Option(names = "--modes", split = ",", paramLabel = "MODE",
            description = "Modes to compare (default: serial,platform,virtual).")
    List<Mode> modes;

    @Option(names = "--step", defaultValue = "5s", converter = Converters.RunTime.class,
            paramLabel = "DURATION",
            description = "Measured time per step (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--warmup", defaultValue = "2s", converter = Converters.WaitTime.class,
            paramLabel = "DURATION",
            description = "Unmeasured time before each step (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--size", defaultValue = "64", paramLabel = "BYTES",
            description = "echo: message size in bytes (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--serial-max", paramLabel = "N",
            description = "Skip serial steps above this many clients (default: 100 for echo, where all but one client "
                    + "would only wait; no limit for calc, where clients take turns).")
    Integer serialMax;

    @Option(names = "--target", paramLabel = "MODE=HOST:PORT",
            description = "An external server for a mode (repeatable), e.g. virtual=127.0.0.1:10000; then no server "
                    + "starts here, and threads and memory are not measured.")
    Map<String, String> targets;

    @Mixin ClientTimeouts timeouts = new ClientTimeouts();

    @Option(names = {"-o", "--out"}, defaultValue = "demo-report", paramLabel = "DIR", converter = Converters.FileName.class,
            description = "Report directory: index.html, results.json, results.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DemoSettings settings;
        try {
            settings = new DemoSettings(Workload.parse(protocol), clients == null ? DemoSettings.DEFAULT_COUNTS : clients,
                    modes == null ? DemoSettings.DEFAULT_MODES : modes, step, warmup, size,
                    serialMax != null ? serialMax : DemoSettings.defaultSerialMax(Workload.parse(protocol)), targets(),
                    out, timeouts.connect, timeouts.read(LoadSettings.DEFAULT_TCP_READ_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("unknown workload")
                    ? "--protocol: use echo or calc (got '" + protocol + "')" : e.getMessage());
        }
        String outProblem = OutputPaths.directoryProblem(out);
        if (outProblem != null) throw new ParameterException(spec.commandLine(), "--out: " + outProblem);
        // The in-process servers would log a line per connection: thousands of them.
        Logging.configure(LogLevel.WARNING);
        DemoResult result;
        try {
            result = DemoRun.run(settings, err, Terminal.interactive(), Version.version());
        } catch (StartupException e) {
            err.println("loomlab demo: " + e.getMessage());
            return ExitCodes.SYSTEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("loomlab demo: interrupted");
            return ExitCodes.SYSTEM;
        }
        Path html;
        try {
            html = DemoReportFiles.write(out, result);
        } catch (IOException e) {
            err.println("loomlab demo: cannot write the report to " + out + ": " + e.getMessage());
            return ExitCodes.SYSTEM;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("report: " + html.toAbsolutePath().normalize());
        stdout.println("data:   " + out.resolve(DemoReportFiles.JSON) + ", " + out.resolve(DemoReportFiles.CSV));
        stdout.flush();
        return ExitCodes.OK;
    }

    private Map<Mode, InetSocketAddress> targets() {
        Map<Mode, InetSocketAddress> m = new EnumMap<>(Mode.class);
        if (targets == null) return m;
        for (Map.Entry<String, String> e : targets.entrySet()) {
            Mode mode;
            try {
                mode = Mode.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("--target: '" + e.getKey() + "' is not a mode: use serial, platform or virtual");
            }
            m.put(mode, hostPort(e.getValue()));
        }
        return m;
    }

    private static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--target: write MODE=HOST:PORT, e.g. virtual=127.0.0.1:10000 (got '" + text + "')");
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(text.substring(colon + 1)));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: bad address '" + text + "': " + e.getMessage());
        }
    }
}
