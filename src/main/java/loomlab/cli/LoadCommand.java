package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loomlab.config.Shown;
import loomlab.config.WireOrder;
import loomlab.load.FileBudget;
import loomlab.load.LoadResult;
import loomlab.load.LoadRun;
import loomlab.load.LoadSettings;
import loomlab.load.Numbers;
import loomlab.load.ProgressPrinter;
import loomlab.load.SourceAddresses;
import loomlab.load.SystemLimits;
import loomlab.load.Terminal;
import loomlab.load.Workload;
import loomlab.load.report.LoadJsonReport;
import loomlab.load.report.LoadTextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code loomlab load}: many clients at once against an echo, calc or UDP calc server. */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Load generator: many clients against an echo, calc or UDP calc server.",
        description = {
            "Load generator: N clients, each a virtual thread, against an echo, calc or",
            "UDP calc server, with live progress once a second (on stderr) and a final",
            "report: requests/s, latency percentiles (HdrHistogram, without coordinated",
            "omission), errors by kind and mismatches.",
            "  echo      each client keeps one connection: write, read back, compare",
            "            every byte",
            "  calc      a new connection per request (a\\0b\\0op\\0), every result checked",
            "  udp-calc  a UDP socket per client, one 12-byte request in flight; a reply",
            "            that does not come is counted as lost",
            ""
        },
        footer = {"", "Examples:",
                  "  loomlab load echo --clients 10000 --duration 30s   (make run's echo)",
                  "  loomlab load calc --port 10010 --clients 20 --rate 5",
                  "  loomlab load udp-calc --clients 50 --json udp.json",
                  "", "Exit codes: 0 every request answered and verified, 1 bad command line,",
                  "2 nothing could connect (or too few open files allowed), 4 some request",
                  "failed or was answered wrongly. Docs: docs/load.md"})
public final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", converter = WorkloadConverter.class,
            description = "echo, calc or udp-calc")
    Workload workload;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Server address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", converter = Converters.Port.class,
            description = "Server port (default: 10000 for echo, 10009 for calc and udp-calc, as 'make run').")
    Integer port;

    @Option(names = {"-n", "--clients"}, defaultValue = "" + LoadSettings.DEFAULT_CLIENTS,
            paramLabel = "N",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = Converters.RunTime.class,
            paramLabel = "DURATION",
            description = "Measured time (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", converter = Converters.WaitTime.class,
            paramLabel = "DURATION",
            description = "Run this long before measuring, after the ramp-up (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--ramp-up", defaultValue = "0s", converter = Converters.WaitTime.class,
            paramLabel = "DURATION",
            description = "Start the clients spread over this time (default: all at once).")
    Duration rampUp;

    @Option(names = "--size", defaultValue = "" + LoadSettings.DEFAULT_MESSAGE_SIZE,
            paramLabel = "BYTES",
            description = "echo: message size in bytes, 1 to 65536 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rate", paramLabel = "REQ/S", converter = Converters.Rate.class,
            description = "Requests per second per client, on a fixed schedule (default: closed loop, as fast as answers come).")
    Double rate;

    @Option(names = "--think", converter = Converters.WaitTime.class,
            paramLabel = "DURATION",
            description = "Pause between an answer and the next request (excludes --rate).")
    Duration think;

    @Option(names = "--bind", paramLabel = "ADDRESSES",
            description = "Source addresses to spread the clients over, e.g. 127.0.0.2-127.0.0.9 or 127.0.0.2,127.0.0.3 "
                    + "(default: the OS picks; above ~28,000 clients against loopback, 127.0.0.2 and up are picked).")
    String bind;

    @Option(names = "--json", paramLabel = "FILE", converter = Converters.FileName.class, description = "Also write the final report as JSON to FILE.")
    Path json;

    @Option(names = "--order", defaultValue = "little",
            paramLabel = "ORDER",
            description = "udp-calc: byte order of the integers, little or big (default: ${DEFAULT-VALUE}).")
    WireOrder order;

    @Mixin ClientTimeouts timeouts = new ClientTimeouts();

    @Option(names = {"-q", "--quiet"}, description = "No live progress, only the final report.")
    boolean quiet;

    @Spec CommandSpec spec;

    static final class WorkloadConverter implements ITypeConverter<Workload> {
        @Override
        public Workload convert(String value) {
            try {
                return Workload.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(Shown.quoted(value) + " is not a workload: use echo, calc or udp-calc");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress target;
        try {
            target = new InetSocketAddress(InetAddress.getByName(host), port == null ? workload.defaultPort() : port);
        } catch (UnknownHostException e) {
            err.println("loomlab load: unknown host '" + host + "'");
            return ExitCodes.SYSTEM;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--port: " + e.getMessage());
        }
        LoadSettings settings;
        List<String> notes = new ArrayList<>();
        try {
            List<InetAddress> given = bind == null ? List.of() : SourceAddresses.requireLocal(SourceAddresses.parse(bind));
            SourceAddresses.Plan plan = SourceAddresses.plan(target, clients, given, SystemLimits.ephemeralPorts());
            if (!plan.note().isEmpty()) notes.add(plan.note());
            settings = new LoadSettings(workload, target, clients, duration, warmup, rampUp, size,
                    rate == null ? 0 : rate, think == null ? Duration.ZERO : think, plan.addresses(), order,
                    timeouts.connect, timeouts.read(LoadSettings.defaultReadTimeout(workload)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (json != null) {
            String problem = OutputPaths.fileProblem(json);
            if (problem != null) throw new ParameterException(spec.commandLine(), "--json: " + problem);
        }
        FileBudget.Check files = FileBudget.check(clients, 1);
        if (!files.enough()) {
            err.println("loomlab load: not enough open files allowed: " + FileBudget.problem(files, clients, "one socket each"));
            return ExitCodes.SYSTEM;
        }
        err.println("load " + workload.label() + ": " + Numbers.grouped(clients) + " clients against "
                + target.getAddress().getHostAddress() + ":" + target.getPort() + ", " + settings.pacing() + ", "
                + (rampUp.isZero() ? "" : seconds(rampUp) + " ramp-up, ") + seconds(warmup) + " warm-up, "
                + seconds(duration) + " measured");
        for (String note : notes) err.println("note: " + note);
        err.flush();
        LoadResult result;
        try {
            result = LoadRun.run(settings, notes, quiet ? loomlab.load.Progress.NONE
                    : new ProgressPrinter(err, "", Terminal.interactive()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("loomlab load: interrupted");
            return ExitCodes.SYSTEM;
        }
        out.print(LoadTextReport.render(result));
        out.flush();
        if (json != null) {
            try {
                Files.writeString(json, LoadJsonReport.render(result), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("loomlab load: cannot write " + json + ": " + e.getMessage());
                return ExitCodes.SYSTEM;
            }
        }
        return switch (result.outcome()) {
            case OK -> ExitCodes.OK;
            case UNREACHABLE -> ExitCodes.SYSTEM;
            case FAILED -> ExitCodes.FAILED;
        };
    }

    private static String seconds(Duration d) {
        return Numbers.decimal(d.toMillis() / 1000.0) + " s";
    }
}
