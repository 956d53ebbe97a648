package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import loomlab.HeldPort;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A config file gets the same exit code whether the serve fast path reads the command line
 * ({@code --config FILE}) or picocli does ({@code -c=FILE}, which the fast path leaves to it);
 * a serving line with an unknown option gets picocli's error, whichever path sees it first.
 */
class ServePathsTest {

    @TempDir Path dir;

    /**
     * An option the serving command line does not have, among ones it has: picocli's one-line
     * error and exit 1, and no server. The config's service is on a port held here, so a server
     * that did start would fail to bind it and exit 2 instead of serving forever.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--config CONFIG --bogus", "serve --bogus -c CONFIG", "-q --bogus --config=CONFIG",
        "serve --config CONFIG --quiet --stats-interval=10s --tracing", "--config CONFIG --stat-interval 5s",
        "--config CONFIG --admin-port 0 --log-level debug -x"})
    void anUnknownOptionIsPicocliErrorAndStartsNoServer(String line) throws Exception {
        try (HeldPort port = HeldPort.tcp()) {
            Path config = dir.resolve("c.json");
            Files.writeString(config, "{\"services\":[{\"name\":\"echo\",\"protocol\":\"echo\",\"transport\":\"tcp\","
                    + "\"port\":" + port.port() + "}]}");
            String[] args = line.replace("CONFIG", config.toString()).split(" ");
            assertTrue(ServeFastPath.parse(args).isEmpty(), line);
            CliRun run = mainRun(args);
            assertEquals(ExitCodes.USAGE, run.exit(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().startsWith("loomlab: Unknown option"), run::toString);
            assertEquals(CliRun.of(args).err(), run.err(), "picocli's own message");
        }
    }

    /** {@link Main#run} as the process runs it, with what it printed to System.out and System.err. */
    private static CliRun mainRun(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CliRun(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"shutdownGrace\":\"99999999999m\",\"services\":[{\"name\":\"echo\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}]}",
        "{\"shutdownGrace\":9223372036854775807,\"services\":[]}",
        "{\"services\":[{\"name\":\"c\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,\"requestDeadline\":\"99999999999m\"}]}",
        "{\"statsInterval\":\"9999999999999999999ms\",\"services\":[]}",
        "not json",
        "\uFEFF{\"services\":[{\"name\":\"echo\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}]}"
    })
    void bothPathsGiveTheSameExitCode(String text) throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, text);
        assertTrue(ServeFastPath.parse("--config", config.toString(), "--print-config").isPresent());
        int fast = Main.run("--config", config.toString(), "--print-config");
        CliRun picocli = CliRun.of("-c=" + config, "--print-config");
        assertEquals(fast, picocli.exit(), picocli::toString);
        assertTrue(fast == ExitCodes.CONFIG || fast == ExitCodes.OK, "exit " + fast);
        if (fast == ExitCodes.CONFIG) assertEquals(1, picocli.err().lines().filter(l -> !l.startsWith("  ")).count(), picocli::toString);
    }
}
