package loomlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loomlab.load.LoadMerge;
import loomlab.load.WorkerReport;
import loomlab.load.report.LoadJsonReport;
import loomlab.load.report.LoadTextReport;
import loomlab.load.report.MergeJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab load merge FILE...}: the JSON reports of several load workers, added up. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class,
        header = "Add up the JSON reports of several load workers into one report.",
        description = {
            "Adds up the reports that 'load --json' wrote on several workers (processes,",
            "machines, pods) into the report one run of all their clients would give:",
            "counters summed, latency percentiles from the sum of the full histograms,",
            "answers per client from every client's own count. The runs must have the",
            "same settings and overlapping measured windows (start them with --start-at).",
            ""
        },
        footer = {"", "Example:",
                  "  loomlab load merge w0.json w1.json w2.json --json all.json",
                  "", "Exit codes: 0 every request of every worker answered and verified,",
                  "1 bad command line or reports that do not add up, 2 a file cannot be read,",
                  "4 some request failed. Docs: docs/scaling.md"})
public final class LoadMergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Reports written by 'load --json'.")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the merged report as JSON to FILE.")
    Path json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<WorkerReport> reports = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("loomlab load merge: " + file + ": no such file");
                return ExitCodes.SYSTEM;
            } catch (IOException e) {
                err.println("loomlab load merge: " + file + ": cannot read: " + e.getMessage());
                return ExitCodes.SYSTEM;
            }
            try {
                reports.add(MergeJson.read(file.toString(), text));
            } catch (MergeJson.BadReportException e) {
                err.println("loomlab load merge: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        WorkerReport merged;
        try {
            merged = LoadMerge.merge(reports);
        } catch (LoadMerge.MismatchException e) {
            err.println("loomlab load merge: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.print(LoadTextReport.render(merged.result()));
        out.flush();
        if (json != null) {
            try {
                Files.writeString(json, LoadJsonReport.render(merged), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("loomlab load merge: cannot write " + json + ": " + e.getMessage());
                return ExitCodes.SYSTEM;
            }
        }
        return switch (merged.result().outcome()) {
            case OK -> ExitCodes.OK;
            case UNREACHABLE -> ExitCodes.SYSTEM;
            case FAILED -> ExitCodes.FAILED;
        };
    }
}
