package loomlab.log;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A log line that may happen thousands of times a second (a flood of bad datagrams, a client
 * hammering a full server, running out of file descriptors): at most one line per interval, and
 * that line says how many were left out since the last one. Never blocks, never allocates when
 * it suppresses.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final Level level;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, Level level, long intervalMillis) {
        this.log = log;
        this.level = level;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Logs {@code message} unless a line was logged within the interval; counts it either way. */
    public void log(String message) {
        long skipped = admit();
        if (skipped >= 0) emit(message, skipped);
    }

    /** Like {@link #log(String)}, building the message only when it is logged (floods stay cheap). */
    public void log(Supplier<String> message) {
        long skipped = admit();
        if (skipped >= 0) emit(message.get(), skipped);
    }

    /** The number of lines suppressed since the last one when this one may be logged, else -1. */
    private long admit() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return -1;
        }
        return suppressed.getAndSet(0);
    }

    private void emit(String message, long skipped) {
        if (!log.isLoggable(level)) return;
        log.log(level, skipped == 0 ? message : message + " (" + skipped + " similar lines suppressed)");
    }
}
