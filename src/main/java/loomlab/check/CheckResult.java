package loomlab.check;

import java.time.Duration;

/**
 * The outcome of one check: what was sent, what came back, what the lecture's protocol expects,
 * and for a failure a hint in the student's terms. Texts are already in the report's language.
 *
 * @param id        stable name, the same in every language ("calc.lecture")
 * @param title     what the check does, one line
 * @param status    pass, fail, info (a finding that is not graded) or skip
 * @param required  whether a failure makes the whole check fail (exit 4)
 * @param sent      the request bytes (may be empty)
 * @param sentTotal how many bytes the request had (the bytes kept may be fewer)
 * @param received  what came back, or null when the check has nothing to show
 * @param expected  what the protocol expects, in words (may be empty)
 * @param outcome   what happened, in words (a result, "serial", a problem)
 * @param hint      the likely bug and its fix, for failures (may be empty)
 * @param elapsed   how long the check took
 */
public record CheckResult(String id, String title, Status status, boolean required, byte[] sent, long sentTotal,
                          Received received, String expected, String outcome, String hint, Duration elapsed) {

    /** How a check ended. */
    public enum Status { PASS, FAIL, INFO, SKIP }

    public CheckResult {
        sent = sent.clone();
    }

    @Override
    public byte[] sent() {
        return sent.clone();
    }

    /** A failure that counts: the whole check fails. */
    public boolean failedRequired() {
        return status == Status.FAIL && required;
    }
}
