package loomlab.check;

import static loomlab.check.CheckRuns.EN;
import static loomlab.check.CheckRuns.allPass;
import static loomlab.check.CheckRuns.failsWith;
import static loomlab.check.CheckRuns.passes;
import static loomlab.check.CheckRuns.result;
import static loomlab.check.CheckRuns.target;
import static loomlab.check.CheckRuns.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import loomlab.TestServers;
import loomlab.check.CheckResult.Status;
import loomlab.config.Mode;
import loomlab.config.WireOrder;
import loomlab.server.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** loomlab's own services pass every check, strict ones included, in every mode; the serial one is seen as serial. */
class CheckLoomlabServicesTest {

    /** A concurrent service answers at once; only the serial one makes the concurrency check wait this long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void echoPassesEveryCheck(Mode mode) throws Exception {
        try (Server server = TestServers.start(TestServers.echo(mode))) {
            CheckReport report = Checker.echo(target(TestServers.address(server).getPort(), TIMEOUT), EN, true);
            allPass(report);
            assertEquals(List.of("echo.lecture", "echo.fragments", "echo.several", "echo.binary", "echo.large",
                    "echo.half-close", "echo.vanish"), report.results().stream().map(CheckResult::id).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void calcPassesEveryCheckAndIsSeenAsWhatItIs(Mode mode) throws Exception {
        ServerKind kind = mode == Mode.SERIAL ? ServerKind.SERIAL : ServerKind.CONCURRENT;
        try (Server server = TestServers.start(TestServers.calc(mode))) {
            CheckReport report = Checker.calc(target(TestServers.address(server).getPort(), TIMEOUT), EN, true, kind);
            allPass(report);
            assertEquals(15, report.results().size(), () -> text(report));
            assertEquals(List.of(EN.get("finding.kind", EN.get("kind." + kind.name().toLowerCase()))), report.findings());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theOtherKindIsAFailureWithTheHintForIt(Mode mode) throws Exception {
        ServerKind actual = mode == Mode.SERIAL ? ServerKind.SERIAL : ServerKind.CONCURRENT;
        ServerKind wrong = actual == ServerKind.SERIAL ? ServerKind.CONCURRENT : ServerKind.SERIAL;
        try (Server server = TestServers.start(TestServers.calc(mode))) {
            CheckReport report = Checker.calc(target(TestServers.address(server).getPort(), TIMEOUT), EN, false, wrong);
            failsWith(report, "calc.concurrency", "hint.calc.kind." + actual.name().toLowerCase());
            assertEquals(CheckReport.FAILED, report.exitCode());
            // Everything else still passes: the kind is one finding, not a cascade.
            assertEquals(1, report.count(Status.FAIL), () -> text(report));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutExpectTheKindIsReportedNotGraded(Mode mode) throws Exception {
        try (Server server = TestServers.start(TestServers.calc(mode))) {
            CheckReport report = Checker.calc(target(TestServers.address(server).getPort(), TIMEOUT), EN, false, null);
            CheckResult kind = result(report, "calc.concurrency");
            assertEquals(Status.INFO, kind.status());
            assertEquals(EN.get(mode == Mode.SERIAL ? "outcome.calc.kind.serial" : "outcome.calc.kind.concurrent"),
                    kind.outcome());
            assertEquals(CheckReport.OK, report.exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(WireOrder.class)
    void udpPassesInItsOwnOrderAndDetectFindsIt(WireOrder order) throws Exception {
        try (Server server = TestServers.start(TestServers.udpCalc(order))) {
            CheckTarget t = target(TestServers.address(server).getPort(), TIMEOUT);
            allPass(Checker.udpCalc(t, EN, true, OrderChoice.valueOf(order.name())));
            CheckReport detected = Checker.udpCalc(t, EN, true, OrderChoice.DETECT);
            allPass(detected);
            assertEquals(List.of(EN.get("finding.order", EN.get("order." + order.name().toLowerCase()))),
                    detected.findings());
        }
    }

    @org.junit.jupiter.api.Test
    void aBigEndianServerCheckedAsTheLecturesIsToldSo() throws Exception {
        try (Server server = TestServers.start(TestServers.udpCalc(WireOrder.BIG))) {
            CheckReport report = Checker.udpCalc(target(TestServers.address(server).getPort(), TIMEOUT), EN, false,
                    OrderChoice.LITTLE);
            // The lecture's 10 + 500 carries nowhere: the same bytes in both orders. 511 + 1 tells them apart.
            passes(report, "udp.lecture");
            failsWith(report, "udp.byte-order", "hint.udp.bigEndian");
            assertEquals(CheckReport.FAILED, report.exitCode());
            assertTrue(result(report, "udp.byte-order").outcome().contains("big-endian"));
        }
    }
}
