package loomlab.check;

import static loomlab.check.CheckRuns.EN;
import static loomlab.check.CheckRuns.allPass;
import static loomlab.check.CheckRuns.failsWith;
import static loomlab.check.CheckRuns.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker against the lecture's servers in Python (the test resource that restates the
 * slides): they pass what they do right, and fail exactly where the lecture's code is fragile:
 * an uncaught exception on a bad number, a reset client, or a UDP result outside 32 bits ends them.
 * Skipped when python3 is not installed; CI installs it.
 */
class CheckLecturePythonServersTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir static Path dir;
    static Path script;

    @BeforeAll
    static void needsPython() throws Exception {
        assumeTrue(pythonWorks(), "python3 is not installed: skipping the checks of the lecture's Python servers");
        script = dir.resolve("lecture_servers.py");
        try (InputStream in = CheckLecturePythonServersTest.class.getResourceAsStream("/lecture/lecture_servers.py")) {
            Files.copy(in, script);
        }
    }

    @Test
    void theLecturesEchoPassesAndIsFragileUnderStrict() throws Exception {
        try (Python server = Python.start("echo")) {
            allPass(Checker.echo(CheckRuns.target(server.port, TIMEOUT), EN, false));
        }
        try (Python server = Python.start("echo")) {
            CheckReport strict = Checker.echo(CheckRuns.target(server.port, TIMEOUT), EN, true);
            failsWith(strict, "echo.vanish", "hint.echo.vanish");
            assertEquals(CheckReport.FAILED, strict.exitCode());
        }
    }

    @Test
    void theLecturesCalcIsSerialAndDiesOfABadNumber() throws Exception {
        try (Python server = Python.start("calc")) {
            CheckReport report = Checker.calc(CheckRuns.target(server.port, TIMEOUT), EN, true, ServerKind.SERIAL);
            for (CheckResult r : report.results()) {
                if (r.id().equals("calc.bad-number")) break;
                passes(report, r.id());
            }
            failsWith(report, "calc.bad-number", "hint.calc.badNumber");
            failsWith(report, "calc.reset-mid-request", "hint.gone");
        }
    }

    @Test
    void theLecturesUdpCalcCrashesOnAResultOutsideThirtyTwoBits() throws Exception {
        try (Python server = Python.start("udp-calc")) {
            CheckReport report = Checker.udpCalc(CheckRuns.target(server.port, TIMEOUT), EN, false, OrderChoice.LITTLE);
            for (String id : new String[] {"udp.lecture", "udp.byte-order", "udp.subtract", "udp.op-nonzero",
                    "udp.two-clients"}) {
                passes(report, id);
            }
            failsWith(report, "udp.wrap-add", "hint.udp.wrapAdd");
            assertEquals(EN.get("hint.udp.wrapAdd") + " " + EN.get("hint.udp.crashed"),
                    CheckRuns.result(report, "udp.wrap-add").hint());
            failsWith(report, "udp.wrap-sub", "hint.gone");
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

    /** One lecture server process on a port the system chose (its first line); killed on close. */
    private record Python(Process process, int port) implements AutoCloseable {
        static Python start(String kind) throws Exception {
            Process p = new ProcessBuilder("python3", script.toString(), kind, "0")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            try {
                String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
                if (line == null) throw new IllegalStateException("the Python " + kind + " server exited before listening");
                return new Python(p, Integer.parseInt(line.strip()));
            } catch (Exception e) {
                p.destroyForcibly();
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
