package loomlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import loomlab.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * loomlab's clients against servers written the lecture's way in Python (a test resource that
 * mirrors the slides). Skipped when python3 is not installed; CI installs it.
 */
class LecturePythonServersTest {

    @TempDir static Path dir;
    static Path script;

    @BeforeAll
    static void needsPython() throws Exception {
        assumeTrue(pythonWorks(), "python3 is not installed: skipping the tests against the lecture's Python servers");
        script = dir.resolve("lecture_servers.py");
        try (InputStream in = LecturePythonServersTest.class.getResourceAsStream("/lecture/lecture_servers.py")) {
            Files.copy(in, script);
        }
    }

    @Test
    void echoClientAgainstAServerThatEchoesSixteenBytesAtATime() throws Exception {
        try (PythonServer server = PythonServer.start("echo")) {
            String message = "a message longer than sixteen bytes, so it comes back in pieces";
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", server.port, message);
            assertEquals(0, run.exit(), run::toString);
            assertEquals("connecting to 127.0.0.1 port " + server.port + "\nRecibido= " + message + "\nclosing socket\n",
                    run.out());
        }
    }

    @Test
    void calcClientAgainstTheSerialPythonCalcServer() throws Exception {
        try (PythonServer server = PythonServer.start("calc")) {
            CliRun lecture = CliRun.of("client", "calc", "-q", "127.0.0.1", server.port, "5", "8", "1");
            assertEquals(0, lecture.exit(), lecture::toString);
            assertEquals("-3\n", lecture.out());
            String big = "123456789012345678901234567890";
            CliRun bigSum = CliRun.of("client", "calc", "-q", "127.0.0.1", server.port, big, big, "0");
            assertEquals(0, bigSum.exit(), bigSum::toString);
            assertEquals("246913578024691357802469135780\n", bigSum.out());
        }
    }

    @Test
    void udpCalcClientAgainstThePythonUdpServer() throws Exception {
        try (PythonServer server = PythonServer.start("udp-calc")) {
            // The lecture's example (10 + 500); struct 'III' is little-endian on the machines we run on.
            CliRun run = CliRun.of("client", "udp-calc", "-q", "127.0.0.1", server.port, "10", "500", "0");
            assertEquals(0, run.exit(), run::toString);
            assertEquals("510\n", run.out());
        }
    }

    private static boolean pythonWorks() {
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

    /** One Python server process on a port the system chose; killed on close. */
    private static final class PythonServer implements AutoCloseable {
        final Process process;
        final String port;

        private PythonServer(Process process, String port) {
            this.process = process;
            this.port = port;
        }

        static PythonServer start(String kind) throws IOException {
            Process p = new ProcessBuilder("python3", script.toString(), kind, "0")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            // The script prints its port once it listens: reading that line is the wait.
            String port;
            try {
                port = assertTimeoutPreemptively(Duration.ofSeconds(30), out::readLine, "the Python server did not start");
            } catch (Throwable t) {
                p.destroyForcibly();
                throw t;
            }
            if (port == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the Python " + kind + " server exited before listening");
            }
            return new PythonServer(p, port.strip());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
