package loomlab.load.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import loomlab.load.demo.DemoResult;

/** Writes a demo's report directory: index.html, results.json, results.csv. */
public final class DemoReportFiles {

    public static final String HTML = "index.html";
    public static final String JSON = "results.json";
    public static final String CSV = "results.csv";

    private DemoReportFiles() { }

    /** Writes the three files (creating the directory) and returns the HTML file's path. */
    public static Path write(Path dir, DemoResult result) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON), DemoJsonReport.render(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV), DemoCsvReport.render(result), StandardCharsets.UTF_8);
        Path html = dir.resolve(HTML);
        Files.writeString(html, DemoHtmlReport.render(result), StandardCharsets.UTF_8);
        return html;
    }
}
