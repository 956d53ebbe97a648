package loomlab;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar ({@code target/server.jar}, system property {@code server.jar}) started as a
 * separate process, as a user starts it. Reads its log to learn the ports it bound.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving (\\S+) \\(\\S+\\) on (tcp|udp) (\\S+):(\\d+)");

    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) ports.put(m.group(1), Integer.parseInt(m.group(4)));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    public static Path jar() {
        String jar = System.getProperty("server.jar", "target/server.jar");
        Path p = Path.of(jar);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("built jar not found at " + p + " (run mvn package)");
        return p;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar server.jar ARGS} with stdout and stderr merged. */
    public static ServerProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return new ServerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /** Starts another loomlab executable (an installed package's launcher, say), stdout and stderr merged. */
    public static ServerProcess start(ProcessBuilder command) throws IOException {
        return new ServerProcess(command.redirectErrorStream(true).start());
    }

    /** Waits until the named services have logged their bound ports. */
    public ServerProcess awaitServing(String... services) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!process.isAlive()) throw new IllegalStateException("server exited: " + log);
            for (String s : services) if (!ports.containsKey(s)) return false;
            return true;
        });
        return this;
    }

    public int port(String service) {
        return ports.get(service);
    }

    public List<String> log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /**
     * Sends SIGTERM through the process handle: {@code Process.destroy()} would also close our
     * end of its output, and we would miss the shutdown log.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** SIGTERM, then the exit code. */
    public int stop() throws InterruptedException {
        sigterm();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not stop on SIGTERM: " + log);
        }
        // The reader thread may still be taking the last lines.
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(l -> l.contains("stopped:")) || !process.isAlive());
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
