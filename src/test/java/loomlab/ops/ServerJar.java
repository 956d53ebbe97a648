package loomlab.ops;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.ServerProcess;

/**
 * The built {@code target/server.jar} as a separate process, for the tests that need one: its
 * own file-descriptor limit, its own RSS and threads to measure. Reads the server's log as it
 * comes, to learn the ports it bound (the config says 0) and to wait for lines.
 */
final class ServerJar implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving (\\S+) \\(\\S+\\) on (?:tcp|udp) (\\S+):(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("admin endpoint on http://(\\S+?):(\\d+)/");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServerJar(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException e) {
                lines.add("(reading the server's output failed: " + e + ")");
            }
        });
    }

    /**
     * Starts {@code java [jvmArgs] -jar server.jar --config config}, under {@code ulimit -n} when
     * {@code openFiles > 0}, and waits until it serves. {@link ServerProcess} is the simple case; this
     * one adds the limit, JVM options and the admin endpoint's address.
     */
    static ServerJar start(Path config, int openFiles, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (openFiles > 0) {
            // bash sets the limit, then becomes java (exec): the limit is the server's own.
            command.addAll(List.of("bash", "-c", "ulimit -n " + openFiles + " && exec \"$@\"", "loomlab-under-ulimit"));
        }
        command.add(ServerProcess.javaBinary());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", ServerProcess.jar().toString(), "--config", config.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServerJar server = new ServerJar(p);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !p.isAlive() || server.hasLine("admin endpoint on|serving .* on"));
            if (!p.isAlive()) throw new IllegalStateException("the server exited at once:\n" + server.output());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String output() {
        return String.join("\n", lines);
    }

    boolean hasLine(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().anyMatch(l -> p.matcher(l).find());
    }

    /** Waits until {@code count} lines match {@code regex} (or the server exits, which fails). */
    List<String> awaitLines(String regex, int count, Duration timeout) {
        try {
            await().atMost(timeout).until(() -> linesMatching(regex).size() >= count || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + count + " line(s) matching '" + regex + "' within " + timeout.toSeconds() + " s", e);
        }
        if (linesMatching(regex).size() < count) {
            throw new AssertionError("the server exited (code " + process.exitValue() + ") before " + count
                    + " line(s) matching '" + regex + "'");
        }
        return linesMatching(regex);
    }

    /** Lines matching {@code regex}, in order. */
    List<String> linesMatching(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l).find()).toList();
    }

    /** Where a service listens, from its start-up line. */
    InetSocketAddress service(String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(SERVING, name).isPresent());
        Matcher m = find(SERVING, name).orElseThrow();
        return new InetSocketAddress(m.group(2), Integer.parseInt(m.group(3)));
    }

    /** Where the admin endpoint listens, from its start-up line. */
    InetSocketAddress admin() {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(ADMIN, null).isPresent());
        Matcher m = find(ADMIN, null).orElseThrow();
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    private Optional<Matcher> find(Pattern pattern, String service) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find() && (service == null || m.group(1).equals(service))) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** SIGTERM, as systemd or Ctrl-C would; waits for the exit and returns its code. */
    int stop() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its output.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join(Duration.ofSeconds(5));
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
