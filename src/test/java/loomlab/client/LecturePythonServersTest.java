package loomlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import loomlab.PythonServer;
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
        assumeTrue(PythonServer.available(), "python3 is not installed: skipping the tests against the lecture's Python servers");
        script = PythonServer.script(dir, "/lecture/lecture_servers.py");
    }

    @Test
    void echoClientAgainstAServerThatEchoesSixteenBytesAtATime() throws Exception {
        try (PythonServer server = PythonServer.start(script, "echo")) {
            String message = "a message longer than sixteen bytes, so it comes back in pieces";
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", String.valueOf(server.port()), message);
            assertEquals(0, run.exit(), run::toString);
            assertEquals("connecting to 127.0.0.1 port " + server.port() + "\nRecibido= " + message + "\nclosing socket\n",
                    run.out());
        }
    }

    @Test
    void calcClientAgainstTheSerialPythonCalcServer() throws Exception {
        try (PythonServer server = PythonServer.start(script, "calc")) {
            CliRun lecture = CliRun.of("client", "calc", "-q", "127.0.0.1", String.valueOf(server.port()), "5", "8", "1");
            assertEquals(0, lecture.exit(), lecture::toString);
            assertEquals("-3\n", lecture.out());
            String big = "123456789012345678901234567890";
            CliRun bigSum = CliRun.of("client", "calc", "-q", "127.0.0.1", String.valueOf(server.port()), big, big, "0");
            assertEquals(0, bigSum.exit(), bigSum::toString);
            assertEquals("246913578024691357802469135780\n", bigSum.out());
        }
    }

    @Test
    void udpCalcClientAgainstThePythonUdpServer() throws Exception {
        try (PythonServer server = PythonServer.start(script, "udp-calc")) {
            // The lecture's example (10 + 500); struct 'III' is little-endian on the machines we run on.
            CliRun run = CliRun.of("client", "udp-calc", "-q", "127.0.0.1", String.valueOf(server.port()), "10", "500", "0");
            assertEquals(0, run.exit(), run::toString);
            assertEquals("510\n", run.out());
        }
    }
}
