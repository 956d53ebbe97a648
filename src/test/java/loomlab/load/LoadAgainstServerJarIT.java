package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario of the issue, small: the built jar serves echo in virtual mode in one process,
 * and the built jar's {@code load} drives it from another.
 */
class LoadAgainstServerJarIT {

    @TempDir Path dir;

    @Test
    void loadFromOneProcessAgainstTheServerInAnother() throws Exception {
        Path config = dir.resolve("echo.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "services": [
                  { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0, "mode": "virtual" } ] }
                """);
        try (ServerProcess server = ServerProcess.start("--config", config.toString()).awaitServing("echo")) {
            Path json = dir.resolve("load.json");
            Process load = new ProcessBuilder(ServerProcess.javaBinary(), "-jar", ServerProcess.jar().toString(), "load", "echo",
                    "--port", Integer.toString(server.port("echo")), "--clients", "200", "--duration", "1s",
                    "--warmup", "500ms", "--json", json.toString())
                    .redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(load));
            assertTrue(load.waitFor(60, TimeUnit.SECONDS), "load finished");
            String text = output.get(10, TimeUnit.SECONDS);
            assertEquals(0, load.exitValue(), text);
            assertTrue(text.contains("200 connected"), text);
            assertTrue(Files.readString(json).contains("\"outcome\" : \"ok\""));
            assertEquals(0, server.stop(), "the server stops cleanly after 200 clients came and went");
        }
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
