package loomlab.load.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.config.AdminConfig;
import loomlab.config.ConfigWriter;
import loomlab.config.LogLevel;
import loomlab.config.Mode;
import loomlab.config.PinningConfig;
import loomlab.config.Protocol;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import loomlab.load.Workload;

/**
 * One mode's server for one step: this same program, started as a process of its own with a
 * one-service config the demo writes, optionally pinned to cores. Its costs are read from outside
 * (/proc), its output goes to a log file next to the report, and what it says about running out
 * of threads or descriptors is kept, so that a mode that cannot go further is shown with its reason.
 */
final class ModeServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Idle lab connections must outlive the step: far longer than any step takes. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(10);
    /** Descriptors kept from the connections for the JVM's own (jars, pipes, epoll); the fd budget's reserve. */
    static final int RESERVED_FDS = 128;
    /** The log is for a person to read after a failure: a full one is cut, not grown without end. */
    private static final long LOG_CAP = 1 << 20;
    private static final Pattern SERVING = Pattern.compile(" on tcp (\\S+):(\\d+)");
    /** What the server (or the JVM under it) says when it cannot start a thread for a connection. */
    private static final List<String> THREAD_TROUBLE = List.of(
            "cannot start a thread", "unable to create native thread", "Failed to start thread", "pthread_create failed");
    /**
     * A young generation of fixed size, the same in every mode. Sized by itself, the JVM grows it
     * with the allocation rate, and a fast step's resident memory grew by 40-90 MiB whatever its
     * client count (4.3 MiB "per connection" with 10 clients); fixed, the warm-up touches all of it
     * before the baseline and what grows after is what the connections keep alive.
     */
    static final String YOUNG_GENERATION = "-Xmn32m";
    private static final List<String> FILE_TROUBLE = List.of("Too many open files");

    private final Process process;
    private final Path log;
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile InetSocketAddress address;
    private volatile String threadTrouble;
    private volatile String fileTrouble;
    private final Thread reader;

    private ModeServer(Process process, Path log) {
        this.process = process;
        this.log = log;
        // A platform thread: among thousands of busy client threads a virtual one could fall behind,
        // the server's stdout pipe would fill, and the server would stall on its own log.
        this.reader = Thread.ofPlatform().daemon(true).name("demo-server-log").start(this::copyOutput);
    }

    /** The one-service config of a mode's server, as the JSON file it reads. */
    static String config(Workload workload, Mode mode, int maxConnections) {
        Protocol protocol = workload == Workload.ECHO ? Protocol.ECHO : Protocol.CALC;
        ServiceConfig service = ServiceConfig.builder().name(workload.label() + "-" + mode.name().toLowerCase(Locale.ROOT))
                .protocol(protocol).transport(Transport.TCP).host("127.0.0.1").port(0)
                .mode(mode)
                .maxConnections(maxConnections).maxConnectionsPerClient(0)
                .readTimeout(CONNECTION_TIMEOUT)
                .requestDeadline(CONNECTION_TIMEOUT)
                .build();
        // No per-connection lines: thousands a second would measure the log, not the server.
        // No pinning watch: its JFR recording would run in virtual mode only, at virtual mode's expense.
        ServerConfig config = new ServerConfig(LogLevel.QUIET, Duration.ofSeconds(1), Duration.ZERO, AdminConfig.DEFAULT,
                List.of(service), new PinningConfig(false, PinningConfig.DEFAULT.threshold()), RESERVED_FDS);
        return ConfigWriter.toJson(config);
    }

    /**
     * Starts the server and waits until it has bound its port.
     *
     * @param command how to start this program (see {@link #selfCommand})
     * @param dir     where its config and log go
     */
    static ModeServer start(List<String> command, Workload workload, Mode mode, int maxConnections, List<Integer> cores,
                            Path dir, String tag) throws IOException, InterruptedException {
        Path config = dir.resolve(tag + ".json");
        Files.writeString(config, config(workload, mode, maxConnections), StandardCharsets.UTF_8);
        List<String> argv = new ArrayList<>(Affinity.prefix(cores));
        argv.addAll(command);
        argv.add("--config");
        argv.add(config.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close(); // it reads no input
        ModeServer server = new ModeServer(p, dir.resolve(tag + ".log"));
        if (!server.bound.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || server.address == null) {
            server.close();
            throw new IOException(mode.name().toLowerCase(Locale.ROOT) + " server did not start within " + START_TIMEOUT.toSeconds()
                    + " s" + (p.isAlive() ? "" : " (it exited with " + p.exitValue() + ")") + "; its output is in " + server.log);
        }
        return server;
    }

    /**
     * How to start this program again: the native executable itself, or this JVM's java with this
     * class path (the jar, or the build's classes in a test).
     */
    static List<String> selfCommand() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            return List.of(ProcessHandle.current().info().command().orElseThrow(
                    () -> new IllegalStateException("cannot tell this executable's path")));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, YOUNG_GENERATION, "-cp", System.getProperty("java.class.path"), "loomlab.cli.Main");
    }

    long pid() {
        return process.pid();
    }

    InetSocketAddress address() {
        return address;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The exit code, once it ended. */
    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** The first line in which the server said it could not start a thread, or null. */
    String threadTrouble() {
        return threadTrouble;
    }

    /** The first line in which it said it ran out of descriptors, or null. */
    String fileTrouble() {
        return fileTrouble;
    }

    /** CPU, memory and threads now; null when the process is gone. */
    ProcFiles.Sample sample() {
        return ProcFiles.sample(process.pid());
    }

    /**
     * Waits (at most a couple of seconds) until the fresh process's resident memory holds still,
     * so that the baseline is the started server, not one still loading its classes.
     */
    ProcFiles.Sample settle() throws InterruptedException {
        ProcFiles.Sample last = sample();
        for (int i = 0; i < 20 && last != null; i++) {
            Thread.sleep(100);
            ProcFiles.Sample now = sample();
            if (now == null) return last;
            boolean still = Math.abs(now.rssBytes() - last.rssBytes()) < 256 * 1024;
            last = now;
            if (still) break;
        }
        return last;
    }

    /** Stops it (SIGTERM, then SIGKILL if it does not go) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        reader.join(STOP_TIMEOUT);
    }

    /** Copies the server's output to its log (up to the cap), watching for the port and for trouble. */
    private void copyOutput() {
        long written = 0;
        long dropped = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (address == null) {
                    Matcher m = SERVING.matcher(line);
                    if (line.contains("serving ") && m.find()) {
                        address = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                        bound.countDown();
                    }
                }
                if (threadTrouble == null && THREAD_TROUBLE.stream().anyMatch(line::contains)) threadTrouble = line;
                if (fileTrouble == null && FILE_TROUBLE.stream().anyMatch(line::contains)) fileTrouble = line;
                if (written < LOG_CAP) {
                    out.write(line);
                    out.write('\n');
                    written += line.length() + 1;
                } else {
                    dropped++;
                }
            }
            if (dropped > 0) out.write("(" + dropped + " more lines not kept)\n");
        } catch (IOException e) {
            // the process ended or the log could not be written: the step reports what it saw
        } finally {
            bound.countDown();
        }
    }
}
