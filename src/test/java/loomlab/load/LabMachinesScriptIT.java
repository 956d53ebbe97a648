package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ssh/load-from-lab-machines.sh as docs/scaling.md shows it, with two "lab machines"
 * that are this one: ssh and scp are replaced by stand-ins that run the command here and copy
 * the file here (there is no ssh server on loopback), everything else is the script as shipped.
 */
class LabMachinesScriptIT {

    @TempDir Path dir;

    @Test
    void twoMachinesRunTheirShareAndTheReportsAreMerged() throws Exception {
        Path ssh = script("ssh", "shift; exec bash -c \"$*\"");                     // ssh HOST COMMAND
        Path scp = script("scp", "[ \"$1\" = -q ] && shift; exec cp \"${1#*:}\" \"$2\""); // scp -q HOST:FILE DEST
        Path config = dir.resolve("echo.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "services": [
                  { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 } ] }
                """);
        try (ServerProcess server = ServerProcess.start("--config", config.toString()).awaitServing("echo")) {
            String jar = ServerProcess.jar().toAbsolutePath().toString();
            Path out = dir.resolve("run");
            ProcessBuilder pb = new ProcessBuilder("bash", "deploy/ssh/load-from-lab-machines.sh", "lab01 lab02", "echo",
                    "--port", Integer.toString(server.port("echo")), "--clients", "6", "--duration", "1s", "--warmup", "500ms")
                    .redirectErrorStream(true);
            String javaBin = Path.of(ServerProcess.javaBinary()).getParent().toString();
            pb.environment().putAll(Map.of("LOOMLAB_SSH", ssh.toString(), "LOOMLAB_SCP", scp.toString(), "LOOMLAB_JAR", jar,
                    "LOOMLAB_LOCAL_JAR", jar, "LOOMLAB_START_IN", "20", "LOOMLAB_OUT", out.toString(),
                    "PATH", javaBin + ":" + System.getenv("PATH")));
            Process p = pb.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script finished");
            String text = output.get(10, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("merged from 2 reports covering 2 of 2 workers"), text);
            assertTrue(text.contains("6 connected"), text);
            assertTrue(Files.readString(out.resolve("worker-1.txt")).contains("waiting"), "worker 1 waited for the shared start");
            assertTrue(Files.isRegularFile(out.resolve("merged.json")));
            assertEquals(0, server.stop());
        }
    }

    private Path script(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }
}
