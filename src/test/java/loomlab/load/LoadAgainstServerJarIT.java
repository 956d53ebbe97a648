package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario of the issue, small: the built jar serves echo in virtual mode in one process,
 * and the built jar's {@code load} drives it from another.
 */
class LoadAgainstServerJarIT {

    private static final Path JAR = Path.of(System.getProperty("server.jar", "target/server.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final Pattern BOUND = Pattern.compile("serving echo .* on tcp 127\\.0\\.0\\.1:(\\d+)");

    @TempDir Path dir;

    @Test
    void loadFromOneProcessAgainstTheServerInAnother() throws Exception {
        Path config = dir.resolve("echo.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "services": [
                  { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "virtual" } ] }
                """);
        Process server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--config", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = boundPort(server);
            Path json = dir.resolve("load.json");
            Process load = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "load", "echo", "--port", Integer.toString(port),
                    "--clients", "200", "--duration", "1s", "--warmup", "500ms", "--json", json.toString())
                    .redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(load));
            assertTrue(load.waitFor(60, TimeUnit.SECONDS), "load finished");
            String text = output.get(10, TimeUnit.SECONDS);
            assertEquals(0, load.exitValue(), text);
            assertTrue(text.contains("200 connected"), text);
            assertTrue(Files.readString(json).contains("\"outcome\" : \"ok\""));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the server's log until it says where echo is bound. */
    private static int boundPort(Process server) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = log.readLine()) != null) {
            seen.add(line);
            Matcher m = BOUND.matcher(line);
            if (m.find()) {
                // Keep draining the log, so that the server never blocks on a full pipe.
                Thread.ofVirtual().start(() -> log.lines().forEach(l -> { }));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server never said where it listens:\n" + String.join("\n", seen));
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
