package loomlab.admin;

import java.time.Duration;
import loomlab.text.Printable;
import loomlab.text.Printable.Style;

/**
 * The admin endpoint's limits: fixed defaults that survive a dashboard tab on every machine of a
 * classroom and the attacks of docs/operations.md ("Faults and bad input"), each overridable with
 * a JVM system property ({@code java -Dloomlab.admin.maxConnections=16 -jar server.jar ...}).
 *
 * @param maxConnections admin connections open at once; more wait in the listen backlog
 * @param requestTimeout a request head must arrive whole within this time from its first byte,
 *                       and a reply must be taken by the client within it
 * @param idleTimeout    a connection that sends nothing (before its first request or between
 *                       keep-alive requests) is closed after this
 */
public record AdminLimits(int maxConnections, Duration requestTimeout, Duration idleTimeout) {

    public static final String MAX_CONNECTIONS_PROPERTY = "loomlab.admin.maxConnections";
    public static final String REQUEST_TIMEOUT_PROPERTY = "loomlab.admin.requestTimeout";
    public static final String IDLE_TIMEOUT_PROPERTY = "loomlab.admin.idleTimeout";

    /** The cap when the open files limit is high: a dashboard tab on each of 30 machines, twice. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** Under a low open files limit the cap is this fraction of it (at least {@link #MIN_CONNECTIONS}). */
    static final int SHARE_OF_LIMIT = 8;
    static final int MIN_CONNECTIONS = 4;
    static final int MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final long MAX_SECONDS = 3_600;

    /**
     * Descriptors the endpoint holds at most, besides what was open at start: one per connection,
     * its listening socket, and the one a {@code /metrics} or {@code /status} read of /proc takes
     * for a moment (those reads take turns, see ProcessMetrics).
     */
    public long descriptors() {
        return maxConnections + 2L;
    }

    /**
     * The defaults for a process whose open files limit is {@code fdLimit} (-1: unknown), with the
     * system properties that are set.
     *
     * @throws IllegalArgumentException naming the property and the accepted values when one is bad
     */
    public static AdminLimits fromSystemProperties(long fdLimit) {
        int cap = fdLimit < 0 ? DEFAULT_MAX_CONNECTIONS
                : (int) Math.clamp(fdLimit / SHARE_OF_LIMIT, MIN_CONNECTIONS, DEFAULT_MAX_CONNECTIONS);
        return new AdminLimits(
                (int) whole(MAX_CONNECTIONS_PROPERTY, cap, 1, MAX_CONNECTIONS, ""),
                Duration.ofSeconds(whole(REQUEST_TIMEOUT_PROPERTY, DEFAULT_REQUEST_TIMEOUT.toSeconds(), 1, MAX_SECONDS, " (seconds)")),
                Duration.ofSeconds(whole(IDLE_TIMEOUT_PROPERTY, DEFAULT_IDLE_TIMEOUT.toSeconds(), 1, MAX_SECONDS, " (seconds)")));
    }

    private static long whole(String property, long otherwise, long min, long max, String unit) {
        String text = System.getProperty(property);
        if (text == null) return otherwise;
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("-D" + property + "=" + shown(text) + " is not a whole number from "
                    + min + " to " + max + unit);
        }
        return value;
    }

    /** A -D value in a message: escaped as the wire's bytes are ({@code \x1b}), cut after 40 characters. */
    private static String shown(String text) {
        return Printable.shortened(text, Style.HEX, 40, "...");
    }

    /** For the start-up line: "64 connections, request 10 s, idle 10 s". */
    String describe() {
        return maxConnections + " connections, request head within " + requestTimeout.toSeconds() + " s, idle "
                + idleTimeout.toSeconds() + " s";
    }
}
