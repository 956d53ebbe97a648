package loomlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.time.Duration;
import loomlab.check.CheckResult.Status;

/** Shared pieces of the checker's tests: small bounds, and reading one check out of a report. */
final class CheckRuns {

    static final Messages EN = Messages.of(Messages.Lang.EN);

    private CheckRuns() { }

    /**
     * A loopback target. {@code timeout} bounds each wait: a check that fails by silence costs
     * that much, a passing one nothing; the pause between pieces keeps them separate reads.
     */
    static CheckTarget target(int port, Duration timeout) {
        return new CheckTarget("127.0.0.1", InetAddress.getLoopbackAddress(), port, Duration.ofSeconds(2), timeout,
                Duration.ofMillis(10));
    }

    static CheckResult result(CheckReport report, String id) {
        return report.results().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in\n" + text(report)));
    }

    /** The check failed, and its hint is this one (from the English texts), maybe followed by a general one. */
    static void failsWith(CheckReport report, String id, String hintKey, Object... args) {
        CheckResult r = result(report, id);
        assertEquals(Status.FAIL, r.status(), () -> id + " should fail:\n" + text(report));
        assertTrue(r.hint().startsWith(EN.get(hintKey, args)), () -> id + ": wrong hint, expected " + hintKey + "\n" + text(report));
    }

    static void passes(CheckReport report, String id) {
        CheckResult r = result(report, id);
        assertEquals(Status.PASS, r.status(), () -> id + " should pass:\n" + text(report));
    }

    static void allPass(CheckReport report) {
        for (CheckResult r : report.results()) {
            if (r.status() == Status.FAIL) fail(r.id() + " failed:\n" + text(report));
        }
        assertEquals(CheckReport.OK, report.exitCode(), () -> text(report));
    }

    static String text(CheckReport report) {
        return TextReport.render(report, EN, false);
    }
}
