package loomlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Python server from a test resource ({@code python3 SCRIPT KIND 0}) on a port the system chose:
 * the script prints the port once it listens, and reading that line is the wait. Killed on close.
 */
public record PythonServer(Process process, int port) implements AutoCloseable {

    /** Whether python3 runs here (CI installs it; without it the tests that need it are skipped). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the resource to {@code dir} and returns the script's path. */
    public static Path script(Path dir, String resource) throws IOException {
        Path script = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = PythonServer.class.getResourceAsStream(resource)) {
            Files.copy(in, script);
        }
        return script;
    }

    public static PythonServer start(Path script, String kind) throws Exception {
        Process p = new ProcessBuilder("python3", script.toString(), kind, "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            if (line == null) throw new IllegalStateException("the Python server " + kind + " exited before listening");
            return new PythonServer(p, Integer.parseInt(line.strip()));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
