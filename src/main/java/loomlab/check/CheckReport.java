package loomlab.check;

import java.time.Duration;
import java.util.List;

/**
 * Everything one {@code loomlab check} run found: the results in the order they ran, and the
 * findings that are not a single check (the server serves one client at a time, its byte order).
 */
public record CheckReport(String protocol, CheckTarget target, Messages.Lang lang, boolean strict, boolean reachable,
                          List<CheckResult> results, List<String> findings, Duration elapsed) {

    /** Exit 0 when every required check passed, 4 when one failed, 2 when the server could not be reached. */
    public static final int OK = 0;
    public static final int UNREACHABLE = 2;
    public static final int FAILED = 4;

    public int exitCode() {
        if (!reachable) return UNREACHABLE;
        return results.stream().anyMatch(CheckResult::failedRequired) ? FAILED : OK;
    }

    public long count(CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
