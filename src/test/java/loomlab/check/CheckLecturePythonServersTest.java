package loomlab.check;

import static loomlab.check.CheckRuns.EN;
import static loomlab.check.CheckRuns.allPass;
import static loomlab.check.CheckRuns.failsWith;
import static loomlab.check.CheckRuns.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import loomlab.PythonServer;
import java.time.Duration;
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
        assumeTrue(PythonServer.available(), "python3 is not installed: skipping the checks of the lecture's Python servers");
        script = PythonServer.script(dir, "/lecture/lecture_servers.py");
    }

    @Test
    void theLecturesEchoPassesAndIsFragileUnderStrict() throws Exception {
        try (PythonServer server = PythonServer.start(script, "echo")) {
            allPass(Checker.echo(CheckRuns.target(server.port(), TIMEOUT), EN, false));
        }
        try (PythonServer server = PythonServer.start(script, "echo")) {
            CheckReport strict = Checker.echo(CheckRuns.target(server.port(), TIMEOUT), EN, true);
            failsWith(strict, "echo.vanish", "hint.echo.vanish");
            assertEquals(CheckReport.FAILED, strict.exitCode());
        }
    }

    @Test
    void theLecturesCalcIsSerialAndDiesOfABadNumber() throws Exception {
        try (PythonServer server = PythonServer.start(script, "calc")) {
            CheckReport report = Checker.calc(CheckRuns.target(server.port(), TIMEOUT), EN, true, ServerKind.SERIAL);
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
        try (PythonServer server = PythonServer.start(script, "udp-calc")) {
            CheckReport report = Checker.udpCalc(CheckRuns.target(server.port(), TIMEOUT), EN, false, OrderChoice.LITTLE);
            for (String id : new String[] {"udp.lecture", "udp.byte-order", "udp.subtract", "udp.op-nonzero",
                    "udp.two-clients"}) {
                passes(report, id);
            }
            failsWith(report, "udp.wrap-add", "hint.udp.wrapAdd");
            assertEquals(EN.get("hint.udp.wrapAdd") + " " + EN.get("hint.udp.crashed"),
                    CheckRuns.result(report, "udp.wrap-add").hint());
            failsWith(report, "udp.wrap-sub", "hint.udp.gone");
        }
    }
}
