package loomlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loomlab.check.CheckResult.Status;

/**
 * What the three batteries (echo, calc, udp calc) share: the target, the texts, and one way to
 * write a check's result. A battery runs its checks one after the other, each bounded in time;
 * the first one is the lecture's own exchange, and when it cannot even connect the server is
 * unreachable and nothing else runs.
 */
abstract class Battery {

    protected final CheckTarget target;
    protected final Messages m;
    protected final boolean strict;
    private final List<CheckResult> results = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    /** When the last check ended: the next one's time is counted from there (checks run one after the other). */
    private long lastEnd = System.nanoTime();

    Battery(CheckTarget target, Messages m, boolean strict) {
        this.target = target;
        this.m = m;
        this.strict = strict;
    }

    /** "echo", "calc", "udp-calc". */
    abstract String protocol();

    /** Runs the lecture's exchange; false when the server could not be reached at all. */
    abstract boolean lecture();

    /** Runs the other checks (the robustness ones only when strict). */
    abstract void rest();

    /** Runs the whole battery. */
    final CheckReport run() {
        long start = System.nanoTime();
        lastEnd = start;
        boolean reachable = lecture();
        if (reachable) rest();
        return new CheckReport(protocol(), target, m.lang(), strict, reachable, List.copyOf(results),
                List.copyOf(findings), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A summary line of the report ("server kind: concurrent"). */
    protected void finding(String text) {
        findings.add(text);
    }

    /** One check's result; the title comes from the texts ({@code id + ".title"}). */
    protected final class Result {
        private final String id;
        private boolean required = true;
        private byte[] sent = new byte[0];
        private long sentTotal;
        private Received received;
        private String expected = "";

        Result(String id) {
            this.id = id;
        }

        Result optional() {
            required = false;
            return this;
        }

        Result sent(byte[] bytes) {
            return sent(bytes, bytes.length);
        }

        /** The request, of which only the first bytes are kept when it is long. */
        Result sent(byte[] bytes, long total) {
            this.sent = bytes.length > ShownBytes.MAX_SHOWN ? java.util.Arrays.copyOf(bytes, ShownBytes.MAX_SHOWN) : bytes;
            this.sentTotal = total;
            return this;
        }

        Result received(Received r) {
            this.received = r;
            return this;
        }

        Result expected(String text) {
            this.expected = text;
            return this;
        }

        boolean pass(String outcome) {
            add(Status.PASS, outcome, "");
            return true;
        }

        boolean fail(String outcome, String hint) {
            add(Status.FAIL, outcome, hint);
            return false;
        }

        void info(String outcome) {
            add(Status.INFO, outcome, "");
        }

        void skip(String why) {
            add(Status.SKIP, why, "");
        }

        /** Replaces the hint of the result this check has just added (a probe found the likelier bug). */
        void rehint(String hint) {
            CheckResult last = results.getLast();
            results.set(results.size() - 1, new CheckResult(last.id(), last.title(), last.status(), last.required(),
                    last.sent(), last.sentTotal(), last.received(), last.expected(), last.outcome(), hint, last.elapsed()));
        }

        private void add(Status status, String outcome, String hint) {
            results.add(new CheckResult(id, m.get(id + ".title"), status, required, sent, sentTotal, received,
                    expected, outcome, hint, Duration.ofNanos(System.nanoTime() - lastEnd)));
            lastEnd = System.nanoTime();
        }
    }

    protected Result check(String id) {
        return new Result(id);
    }

    /** "12 ms", "2.0 s". */
    protected static String duration(Duration d) {
        return Texts.duration(d);
    }

    /**
     * Why nothing (more) came, in words: closed after, reset after, nothing for the timeout,
     * too much, refused; empty when the read got what it waited for.
     */
    protected String ending(Received r) {
        return Texts.ending(m, r, target, protocol().equals("udp-calc"));
    }
}
