package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import loomlab.config.Mode;
import loomlab.load.LoadSettings;
import loomlab.load.Terminal;
import loomlab.load.Workload;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.DemoRun;
import loomlab.load.demo.DemoSettings;
import loomlab.load.report.DemoReportFiles;
import loomlab.load.report.LiveReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loomlab demo}: serial vs platform vs virtual threads under rising load, as an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Scalability demo: serial vs platform vs virtual threads, live and as an HTML report.",
        description = {
            "Scalability demo: the same server in serial, platform-thread and",
            "virtual-thread mode, each in a fresh process of its own, pinned to its own",
            "core(s) while the load runs on the others, under 1, 10, 100, 1,000, 10,000",
            "clients and the most this machine allows (about 19,800 under a 20,000-file",
            "limit); then a lab: thousands of idle connections and 50 active clients.",
            "Per step: answers/s, server CPU per answer, memory per connection measured",
            "from outside the server, threads, fairness, latency. A live page shows the",
            "steps arriving; at the end the same page is written as a self-contained",
            "report with the raw data as JSON and CSV. The default run takes about four",
            "minutes.",
            ""
        },
        footer = {"", "Examples:",
                  "  loomlab demo                         (or: make demo)",
                  "  loomlab demo --clients 1,100,10000 --step 3s --lab-idle 0   (shorter, for a lecture)",
                  "  loomlab demo --protocol calc --modes platform,virtual",
                  "  loomlab demo --live-port 8080 --out /tmp/demo",
                  "", "Docs: docs/scalability-demo.md"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--protocol", defaultValue = "echo",
            paramLabel = "PROTOCOL",
            description = "echo (each client keeps a connection) or calc (a connection per request) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = {"-n", "--clients"}, split = ",", paramLabel = "N",
            description = "Client counts, comma-separated (default: 1,10,100,1000,10000 and the most this machine allows).")
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

    @Option(names = "--lab-idle", paramLabel = "N",
            description = "Lab scenario: idle connections beside the active clients (default: as many as fit; 0 skips the lab).")
    Integer labIdle;

    @Option(names = "--lab-active", defaultValue = "" + DemoSettings.DEFAULT_LAB_ACTIVE, paramLabel = "N",
            description = "Lab scenario: active clients (default: ${DEFAULT-VALUE}).")
    int labActive;

    @Option(names = "--lab-rate", defaultValue = "10", paramLabel = "PER_SECOND",
            description = "Lab scenario: requests per second of each active client (default: ${DEFAULT-VALUE}).")
    double labRate;

    @Option(names = "--no-pin",
            description = "Do not pin servers and load generator to separate cores (the report then says that "
                    + "throughput is not a fair comparison).")
    boolean noPin;

    @Option(names = "--live-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the live page on 127.0.0.1 (default: any free port; the address is printed at start).")
    int livePort;

    @Option(names = "--no-live", description = "No live page; only the report at the end.")
    boolean noLive;

    @Mixin ClientTimeouts timeouts = new ClientTimeouts();

    @Option(names = {"-o", "--out"}, defaultValue = "demo-report", paramLabel = "DIR", converter = Converters.FileName.class,
            description = "Report directory: index.html, results.json, results.csv, servers/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DemoSettings settings;
        try {
            Workload workload = Workload.parse(protocol);
            settings = new DemoSettings(workload, clients == null ? List.of() : clients,
                    modes == null ? DemoSettings.DEFAULT_MODES : modes, step, warmup, size,
                    serialMax != null ? serialMax : DemoSettings.defaultSerialMax(workload), labIdle, labActive, labRate,
                    !noPin, out, timeouts.connect, timeouts.read(LoadSettings.DEFAULT_TCP_READ_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("unknown workload")
                    ? "--protocol: use echo or calc (got '" + protocol + "')" : e.getMessage());
        }
        String outProblem = OutputPaths.directoryProblem(out);
        if (outProblem != null) throw new ParameterException(spec.commandLine(), "--out: " + outProblem);
        if (livePort < 0 || livePort > 65535) throw new ParameterException(spec.commandLine(), "--live-port: 0 to 65535");
        LiveReport live;
        try {
            live = noLive ? null : LiveReport.start(livePort);
        } catch (IOException e) {
            err.println("loomlab demo: cannot serve the live page on 127.0.0.1:" + livePort + ": " + e.getMessage()
                    + " (choose another --live-port, or --no-live)");
            return ExitCodes.SYSTEM;
        }
        if (live != null) {
            err.println("live: " + live.url() + "  (open it on the projector; it follows the demo step by step)");
            err.flush();
        }
        DemoResult result;
        try {
            result = DemoRun.run(settings, err, Terminal.interactive(), Version.version(),
                    snapshot -> { if (live != null) live.update(snapshot); }, DemoRun.serverCommand());
            if (live != null) live.update(result);
        } catch (IOException e) {
            err.println("loomlab demo: " + e.getMessage());
            return ExitCodes.SYSTEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("loomlab demo: interrupted");
            return ExitCodes.SYSTEM;
        } finally {
            // An open page gets the finished report before the server goes.
            if (live != null) live.close();
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
}
