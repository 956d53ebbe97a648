package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import loomlab.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsOptionsAndExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--config=FILE"), out.toString());
        assertTrue(out.toString().contains("--print-config"), out.toString());
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void versionNamesTheProductAndTheJava() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("loomlab "), out.toString());
        assertTrue(out.toString().contains("Java " + System.getProperty("java.version")), out.toString());
    }

    @Test
    void printConfigIsTheDefaultAndReadsBack() throws Exception {
        assertEquals(0, run("--print-config"));
        assertEquals(ConfigLoader.loadDefault(), ConfigLoader.parse("printed", out.toString()));
    }

    @Test
    void printConfigShowsOverrides(@TempDir Path dir) throws Exception {
        assertEquals(0, run("--print-config", "--quiet"));
        assertTrue(out.toString().contains("\"logLevel\" : \"quiet\""), out.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("--bogus"));
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
        assertTrue(err.toString().contains("see 'loomlab --help'"), err.toString());
    }

    @Test
    void badLogLevelNamesTheValue() {
        assertEquals(ExitCodes.USAGE, run("--log-level", "loud"));
        assertTrue(err.toString().contains("loud"), err.toString());
    }

    @Test
    void configErrorExitsThreeAndNamesTheProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"services\": [{\"name\": \"e\", \"protocol\": \"echo\", \"transport\": \"tcp\", \"port\": 99999}]}");
        assertEquals(ExitCodes.CONFIG, run("--config", config.toString()));
        assertTrue(err.toString().contains("port 99999 is out of range 0-65535"), err.toString());
    }

    @Test
    void missingConfigFile(@TempDir Path dir) {
        assertEquals(ExitCodes.CONFIG, run("--config", dir.resolve("missing.json").toString(), "--print-config"));
        assertTrue(err.toString().contains("missing.json: config file not found"), err.toString());
    }
}
