package loomlab.check;

import static loomlab.check.CheckRuns.EN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import loomlab.PythonServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end, as an instructor hands it out: the built jar's {@code check} against Python servers
 * written the way students write them (src/test/resources/check/student_servers.py), each with one
 * typical bug. The bug's check fails with its hint and exit 4; a correct server passes with exit 0.
 */
class CheckStudentServersIT {

    @TempDir static Path dir;
    static Path script;

    @BeforeAll
    static void needsPython() throws Exception {
        assumeTrue(PythonServer.available(), "python3 is not installed: skipping the checks of the student servers");
        script = PythonServer.script(dir, "/check/student_servers.py");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "good-calc,    calc,     '',                 '',",
        "good-echo,    echo,     '',                 '',",
        "good-udp,     udp-calc, '',                 '',",
        "one-recv,     calc,     calc.lecture,       hint.calc.oneRecv,",
        "one-nul,      calc,     calc.reply-format,  hint.calc.oneNul,",
        "no-close,     calc,     calc.reply-format,  hint.calc.notClosed,",
        "serial-calc,  calc,     calc.concurrency,   hint.calc.kind.serial,      --expect=concurrent",
        "echo-16,      echo,     echo.lecture,       hint.echo.first16,",
        "echo-nul,     echo,     echo.binary,        hint.echo.stopAtNul,",
        "udp-big,      udp-calc, udp.byte-order,     hint.udp.bigEndian,",
        "udp-negative, udp-calc, udp.wrap-sub,       hint.udp.wrapSub,",
    })
    void eachBugIsCaughtWithItsHint(String kind, String protocol, String failing, String hintKey, String option)
            throws Exception {
        try (PythonServer server = PythonServer.start(script, kind)) {
            Path json = dir.resolve(kind + ".json");
            List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", ServerProcess.jar().toString(),
                    "check", protocol, "127.0.0.1", String.valueOf(server.port()), "--lang", "en", "--timeout", "500ms",
                    "--pause", "50ms", "--json", json.toString()));
            if (option != null) command.add(option);
            Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(60, TimeUnit.SECONDS), "check did not end");
            Map<String, Map<String, String>> checks = checks(json);
            if (failing.isEmpty()) {
                assertEquals(0, check.exitValue(), out);
                assertTrue(checks.values().stream().noneMatch(c -> c.get("status").equals("fail")), out);
                return;
            }
            assertEquals(4, check.exitValue(), out);
            Map<String, String> bad = checks.get(failing);
            assertEquals("fail", bad.get("status"), out);
            assertTrue(bad.get("hint").startsWith(EN.get(hintKey)), () -> failing + " should hint " + hintKey + "\n" + out);
        }
    }

    /** The checks of a JSON report by id, each with its scalar fields (status, hint, ...). */
    private static Map<String, Map<String, String>> checks(Path file) throws IOException {
        Map<String, Map<String, String>> checks = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME || !p.currentName().equals("checks")) continue;
                p.nextToken(); // [
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> check = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        } else {
                            check.put(name, p.getText());
                        }
                    }
                    checks.put(check.get("id"), check);
                }
            }
        }
        return checks;
    }
}
