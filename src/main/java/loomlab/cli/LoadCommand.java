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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import loomlab.load.WorkerReport;
import loomlab.load.WorkerShare;
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
        subcommands = LoadMergeCommand.class,
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
                  "  loomlab load echo --clients 30000 --workers 3 --worker-index 0 \\",
                  "      --start-at 2026-03-02T10:00:00Z --json w0.json   (1 and 2 elsewhere)",
                  "  loomlab load merge w0.json w1.json w2.json",
                  "", "Exit codes: 0 every request answered and verified, 1 bad command line,",
                  "2 nothing could connect (or too few open files allowed), 4 some request",
                  "failed or was answered wrongly. Docs: docs/load.md"})
public final class LoadCommand implements Callable<Integer> {

    // Optional for picocli only so that 'load merge' (a subcommand) needs no workload; call() requires it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKLOAD", converter = WorkloadConverter.class,
            description = "echo, calc or udp-calc (or the subcommand merge)")
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

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the final report as JSON to FILE, with what"
            + " 'load merge' needs ({index} in FILE becomes the worker index).")
    String json;

    @Option(names = "--workers", paramLabel = "N",
            description = "This run is one of N workers (processes or machines) that together run --clients: it runs its share.")
    Integer workers;

    @Option(names = "--worker-index", paramLabel = "I",
            description = "Which worker this is, 0 to N-1 (default: $" + WorkerShare.JOB_INDEX_VARIABLE
                    + ", which a Kubernetes Indexed Job sets).")
    Integer workerIndex;

    @Option(names = "--start-at", paramLabel = "TIME", converter = StartAt.class,
            description = "Wait until TIME (ISO-8601, e.g. 2026-03-02T10:00:00Z) before starting, so that workers start together.")
    Instant startAt;

    @Option(names = "--order", defaultValue = "little",
            paramLabel = "ORDER",
            description = "udp-calc: byte order of the integers, little or big (default: ${DEFAULT-VALUE}).")
    WireOrder order;

    @Mixin ClientTimeouts timeouts = new ClientTimeouts();

    @Option(names = {"-q", "--quiet"}, description = "No live progress, only the final report.")
    boolean quiet;

    @Spec CommandSpec spec;

    static final class StartAt implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time with a zone, such as 2026-03-02T10:00:00Z"
                        + " or 2026-03-02T11:00:00+01:00");
            }
        }
    }

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
        if (workload == null) throw new ParameterException(spec.commandLine(), "Missing required parameter: 'WORKLOAD'");
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
        WorkerShare share;
        try {
            share = share();
            List<InetAddress> given = bind == null ? List.of() : SourceAddresses.requireLocal(SourceAddresses.parse(bind));
            SourceAddresses.Plan plan = SourceAddresses.plan(target, clients, given, SystemLimits.ephemeralPorts());
            if (!plan.note().isEmpty()) notes.add(plan.note());
            if (share.split()) {
                notes.add(share.describe() + ": " + Numbers.grouped(share.clients()) + " of the " + Numbers.grouped(clients) + " clients");
            }
            settings = new LoadSettings(workload, target, share.clients(), duration, warmup, rampUp, size,
                    rate == null ? 0 : rate, think == null ? Duration.ZERO : think, share.sources(plan.addresses()), order,
                    timeouts.connect, timeouts.read(LoadSettings.defaultReadTimeout(workload)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (json != null) {
            // Before the run, not after it: the report must have somewhere to go.
            String problem = OutputPaths.fileProblem(Path.of(json.replace("{index}", String.valueOf(share.index()))));
            if (problem != null) throw new ParameterException(spec.commandLine(), "--json: " + problem);
        }
        int own = share.clients(); // this worker's (all of them when it runs alone)
        FileBudget.Check files = FileBudget.check(own, 1);
        if (!files.enough()) {
            err.println("loomlab load: not enough open files allowed: " + FileBudget.problem(files, own, "one socket each"));
            return ExitCodes.SYSTEM;
        }
        err.println("load " + workload.label() + ": " + Numbers.grouped(own) + " clients against "
                + target.getAddress().getHostAddress() + ":" + target.getPort() + ", " + settings.pacing() + ", "
                + (rampUp.isZero() ? "" : seconds(rampUp) + " ramp-up, ") + seconds(warmup) + " warm-up, "
                + seconds(duration) + " measured");
        for (String note : notes) err.println("note: " + note);
        err.flush();
        LoadResult result;
        try {
            if (startAt != null) waitFor(startAt, notes, err);
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
            Path file = Path.of(json.replace("{index}", String.valueOf(share.index())));
            try {
                Files.writeString(file, result.raw() == null ? LoadJsonReport.render(result)
                        : LoadJsonReport.render(new WorkerReport(file.toString(), result, share.totalClients(), List.of(share))),
                        StandardCharsets.UTF_8);
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

    /** Worker I of N, from the options or a Kubernetes Indexed Job's environment; alone without --workers. */
    private WorkerShare share() {
        if (workers == null) {
            if (workerIndex != null) throw new IllegalArgumentException("--worker-index needs --workers (how many workers there are)");
            return WorkerShare.alone(clients);
        }
        int index;
        if (workerIndex != null) {
            index = workerIndex;
        } else {
            String env = System.getenv(WorkerShare.JOB_INDEX_VARIABLE);
            if (env == null || !env.trim().matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("--workers " + workers + " needs --worker-index (or $" + WorkerShare.JOB_INDEX_VARIABLE
                        + ", as a Kubernetes Indexed Job sets it)" + (env == null ? "" : "; $" + WorkerShare.JOB_INDEX_VARIABLE
                        + " is not a number"));
            }
            index = Integer.parseInt(env.trim());
        }
        return new WorkerShare(WorkerShare.localHost(), index, workers, clients);
    }

    /** Sleeps until the shared start; a start already past is said in the report's notes. */
    private static void waitFor(Instant start, List<String> notes, PrintWriter err) throws InterruptedException {
        long wait = Duration.between(Instant.now(), start).toMillis();
        if (wait > 0) {
            err.println("waiting " + Numbers.decimal(wait / 1000.0) + " s until " + start + " (--start-at)");
            err.flush();
            Thread.sleep(wait);
        } else {
            notes.add("started " + Numbers.decimal(-wait / 1000.0) + " s after --start-at " + start);
        }
    }

    private static String seconds(Duration d) {
        return Numbers.decimal(d.toMillis() / 1000.0) + " s";
    }
}
