package loomlab.load;

import java.util.List;
import java.util.Map;

/**
 * What a load run measured. Requests and latencies are those of the measured window; errors,
 * connect failures and mismatches are counted over the whole run, ramp-up and warm-up included,
 * because a client that could not connect at the start is a failure whenever it happens.
 *
 * @param notes          what the run decided by itself (source addresses, ...)
 * @param windowSeconds  the measured window's actual length
 * @param requests       requests answered correctly in the window
 * @param answeredInRun  requests answered correctly over the whole run
 * @param latency        answered requests, and timed-out ones at the time they waited
 * @param clientsConnected clients that got a connection (TCP) or a socket (UDP) at least once
 * @param clientsServed  clients with at least one answer in the window
 * @param perClient      answers per client in the window: min, median, max
 * @param connects       successful connects over the whole run
 * @param errors         failures by kind over the whole run
 * @param examples       the first message of each kind
 * @param mismatches     answers that differed from what was sent / expected
 * @param late           UDP replies that came after their request was counted as lost
 * @param cutAtStop      requests still waiting when the run ended (neither answered nor failed)
 * @param raw            the window's raw data for {@code load merge}; null where not kept
 */
public record LoadResult(
        LoadSettings settings,
        List<String> notes,
        double windowSeconds,
        long requests,
        long answeredInRun,
        LatencySummary latency,
        long clientsConnected,
        long clientsServed,
        long[] perClient,
        long connects,
        Map<ErrorKind, Long> errors,
        Map<ErrorKind, String> examples,
        long mismatches,
        long late,
        long cutAtStop,
        RawWindow raw) {

    /** A result without raw window data (it cannot be merged with others). */
    public LoadResult(LoadSettings settings, List<String> notes, double windowSeconds, long requests, long answeredInRun,
            LatencySummary latency, long clientsConnected, long clientsServed, long[] perClient, long connects,
            Map<ErrorKind, Long> errors, Map<ErrorKind, String> examples, long mismatches, long late, long cutAtStop) {
        this(settings, notes, windowSeconds, requests, answeredInRun, latency, clientsConnected, clientsServed, perClient,
                connects, errors, examples, mismatches, late, cutAtStop, null);
    }

    public double requestsPerSecond() {
        return windowSeconds > 0 ? requests / windowSeconds : 0;
    }

    public long connectFailures() {
        return errors.entrySet().stream().filter(e -> e.getKey().connect()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Failed requests (not connects), without mismatches. */
    public long requestErrors() {
        return errors.entrySet().stream().filter(e -> !e.getKey().connect()).mapToLong(Map.Entry::getValue).sum();
    }

    /** How a run ended, for the exit code and the verdict. */
    public enum Outcome {
        /** Every request answered and verified, nothing failed. */
        OK,
        /** No client could connect (TCP) or no request was ever answered (UDP): the server is not there. */
        UNREACHABLE,
        /** Some connect or request failed, or an answer was wrong, or nothing was answered in the window. */
        FAILED
    }

    public Outcome outcome() {
        boolean unreachable = settings.workload().tcp()
                ? clientsConnected == 0
                : answeredInRun == 0 && mismatches == 0 && requestErrors() > 0;
        if (unreachable) return Outcome.UNREACHABLE;
        if (requestErrors() > 0 || connectFailures() > 0 || mismatches > 0 || requests == 0) return Outcome.FAILED;
        return Outcome.OK;
    }

    /** One line: "ok: every answer verified", or what went wrong. */
    public String verdict() {
        return switch (outcome()) {
            case OK -> "ok: " + Numbers.grouped(requests) + " answers in the window, every one verified, no errors"
                    + (clientsServed < settings.clients()
                       ? "; but " + Numbers.grouped(settings.clients() - clientsServed) + " of " + Numbers.grouped(settings.clients())
                         + " clients got no answer in the window (a server that serves one client at a time?)"
                       : "");
            case UNREACHABLE -> "failed: no client could reach " + settings.target().getAddress().getHostAddress()
                    + ":" + settings.target().getPort();
            case FAILED -> requests == 0 && requestErrors() == 0 && mismatches == 0 && connectFailures() == 0
                    ? "failed: no request was answered in the measured window"
                    : "failed: " + Numbers.grouped(requestErrors()) + " request errors, " + Numbers.grouped(connectFailures())
                      + " connect failures, " + Numbers.grouped(mismatches) + " mismatches";
        };
    }
}
