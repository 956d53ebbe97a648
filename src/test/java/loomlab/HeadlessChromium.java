package loomlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, for checking what a page (the demo report, the dashboard) looks
 * like in a browser. Each call gets a fresh profile directory; the flags keep it from reaching out
 * to the network. Tests skip themselves when it is not {@link #available()}.
 */
public final class HeadlessChromium {

    public static final Path BINARY = Path.of(System.getProperty("loomlab.test.chromium", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 90;

    private final Path workDir;
    private int runs;

    public HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page's scripts ran. */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return dumpDom(page.toUri().toString());
    }

    /**
     * The DOM of a URL after its scripts ran; {@code flags} are added to the command line (e.g.
     * {@code --virtual-time-budget=3500} to let a polling page run for 3.5 s of page time).
     */
    public String dumpDom(String url, String... flags) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom-" + runs + ".html");
        List<String> args = new ArrayList<>(List.of(flags));
        args.addAll(List.of("--dump-dom", url));
        run(out, args.toArray(String[]::new));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page at the given window size. */
    public Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = workDir.resolve("shot-" + runs + ".png");
        run(workDir.resolve("shot-" + runs + ".out"), "--window-size=" + width + "," + height,
                "--screenshot=" + png, page.toUri().toString());
        if (!Files.exists(png)) throw new IOException("chromium wrote no screenshot " + png);
        return png;
    }

    private void run(Path stdout, String... args) throws IOException, InterruptedException {
        int n = runs++;
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createDirectories(workDir.resolve("profile-" + n))));
        cmd.addAll(List.of(args));
        Path stderr = workDir.resolve("chromium-" + n + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + cmd + "\n" + Files.readString(stderr));
        }
    }
}
