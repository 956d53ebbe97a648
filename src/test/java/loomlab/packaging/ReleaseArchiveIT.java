package loomlab.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar distribution as a user gets it: the .tgz that jreleaser assembled in
 * pre-integration-test is unpacked with tar, its bin/loomlab launcher starts the server on a free
 * port, the echo service answers, and SIGTERM stops it cleanly (exit 0).
 */
class ReleaseArchiveIT {

    private static final Pattern SERVING_ECHO =
            Pattern.compile("serving echo \\(echo/tcp\\) on tcp 127\\.0\\.0\\.1:(\\d+), mode virtual");
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void launcherServesEchoAndStopsOnSigterm() throws Exception {
        Path home = unpack();
        Path launcher = home.resolve("bin/loomlab");
        assertTrue(Files.isExecutable(launcher), launcher + " is not executable in the archive");
        assertTrue(Files.isRegularFile(home.resolve("config/lab.json")), "example configs ship in config/");
        assertTrue(Files.isRegularFile(home.resolve("packaging/loomlab.service")), "the systemd unit ships in packaging/");

        serveEchoAndStop(launcher, null);
    }

    /**
     * The systemd unit's JAVA_OPTS let the JVM write class data at the first stop and start from it
     * later. The JVM notes every class it leaves out of that archive (about a hundred lines on
     * stdout, which would land in the journal at every first stop) unless told not to.
     */
    @Test
    void theUnitsJavaOptsKeepClassDataWithoutFloodingTheLog() throws Exception {
        Path launcher = unpack().resolve("bin/loomlab");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        String javaOpts = unitJavaOpts().replace("/var/cache/loomlab", cache.toString());
        Path archive = cache.resolve("server.jsa");
        assertTrue(javaOpts.contains(archive.toString()), javaOpts);

        List<String> first = serveEchoAndStop(launcher, javaOpts);
        assertTrue(Files.isRegularFile(archive), "no class data written at the first stop: " + first);
        List<String> second = serveEchoAndStop(launcher, javaOpts);
        for (List<String> log : List.of(first, second)) {
            List<String> jvmNotes = log.stream().filter(l -> l.matches("^\\[[0-9.]+s\\]\\[.*")).toList();
            assertEquals(List.of(), jvmNotes, "the JVM's unified log reached the output");
        }
    }

    private static String unitJavaOpts() throws IOException {
        String prefix = "Environment=\"JAVA_OPTS=";
        String line = Files.readAllLines(Path.of("packaging/loomlab.service")).stream()
                .filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return line.substring(prefix.length(), line.length() - 1);
    }

    /** Starts the launcher on an echo config, checks one echo, stops it with SIGTERM; returns its output. */
    private List<String> serveEchoAndStop(Path launcher, String javaOpts) throws Exception {
        Path config = dir.resolve("echo.json");
        Files.writeString(config, """
                { "shutdownGrace": "2s",
                  "services": [ { "name": "echo", "protocol": "echo", "transport": "tcp", "host": "127.0.0.1", "port": 0 } ] }
                """);
        Process server = launch(launcher, javaOpts, "--config", config.toString());
        List<String> log = collect(server);
        try {
            int port = await("the start-up line").atMost(START).until(() -> boundPort(log), p -> p > 0);

            byte[] message = "hola desde el archivo\n".getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(message);
                out.flush();
                assertArrayEquals(message, s.getInputStream().readNBytes(message.length));
            }

            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            assertTrue(server.toHandle().destroy(), "could not send SIGTERM");
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            assertEquals(0, server.exitValue(), () -> String.join("\n", log));
            await("the stop line").atMost(Duration.ofSeconds(5))
                    .until(() -> log.stream().anyMatch(l -> l.contains("SIGTERM: stopping")));
            return log;
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void launcherReportsTheReleasedVersion() throws Exception {
        Process p = launch(unpack().resolve("bin/loomlab"), null, "--version");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("loomlab " + archiveVersion()), out);
    }

    /** Unpacks the assembled .tgz with tar (keeping file modes, as a user would) and returns its top folder. */
    private Path unpack() throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("release.archive", "missing: run through 'mvn verify'"));
        assertTrue(Files.isRegularFile(archive),
                archive + " not found: jreleaser:assemble runs in pre-integration-test ('make test')");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar failed: " + out);
        return dir.resolve("loomlab-" + archiveVersion());
    }

    private static String archiveVersion() {
        String name = Path.of(System.getProperty("release.archive")).getFileName().toString();
        return name.substring("loomlab-".length(), name.length() - ".tgz".length());
    }

    /**
     * Runs the launcher with this JVM as JAVA_HOME (the machine's default java may be older than
     * 21) and the given JAVA_OPTS (none when null).
     */
    private static Process launch(Path launcher, String javaOpts, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_OPTS");
        if (javaOpts != null) pb.environment().put("JAVA_OPTS", javaOpts);
        return pb.start();
    }

    /** Collects the server's output lines as they come, on a virtual thread. */
    private static List<String> collect(Process p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return lines;
    }

    private static int boundPort(List<String> log) {
        for (String line : log) {
            Matcher m = SERVING_ECHO.matcher(line);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return 0;
    }
}
