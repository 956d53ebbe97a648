package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A config file gets the same exit code whether the serve fast path reads the command line
 * ({@code --config FILE}) or picocli does ({@code -c=FILE}, which the fast path leaves to it).
 */
class ServePathsTest {

    @TempDir Path dir;

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
