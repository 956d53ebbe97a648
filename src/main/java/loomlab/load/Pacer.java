package loomlab.load;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When one client sends its next request, and from when its latency counts.
 *
 * <p>Coordinated omission: a client that waits for a slow answer does not send the requests it
 * was meant to send meanwhile, so timing only the requests actually sent hides the stall. With a
 * rate, each request has an intended start on a fixed schedule and its latency is measured from
 * that intended start, not from when it finally went out (as wrk2 does); a stall shows up in every
 * request that should have gone during it. With a think time the next request is intended one
 * think time after the previous answer. In a closed loop there is no schedule: a request is meant
 * to start when the previous one ends, so its latency is the service time.
 */
final class Pacer {

    /** The time a pacer reads and waits on: the system's, or a test's. */
    interface Clock {
        /** Now, on the {@link System#nanoTime} scale. */
        long nanoTime();

        /** Returns once {@code deadlineNanos} has come (at once when it has already). */
        void sleepUntil(long deadlineNanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadlineNanos) throws InterruptedException {
                long wait = deadlineNanos - System.nanoTime();
                if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
            }
        };
    }

    private final Clock clock;
    private final long intervalNanos;
    private final long thinkNanos;
    private long nextIntended;
    private long previousEnd;

    /** A pacer whose schedule starts now. */
    Pacer(LoadSettings settings, Clock clock) {
        this.clock = clock;
        long startNanos = clock.nanoTime();
        this.intervalNanos = settings.ratePerClient() > 0 ? Math.max(1, (long) (1e9 / settings.ratePerClient())) : 0;
        this.thinkNanos = settings.think().toNanos();
        // A random phase, so that clients started together do not all send in the same instant.
        this.nextIntended = intervalNanos > 0 ? startNanos + ThreadLocalRandom.current().nextLong(intervalNanos) : 0;
    }

    /** Waits until the next request is due; returns its intended start (on the clock's scale: System.nanoTime). */
    long awaitNext() throws InterruptedException {
        long intended;
        if (intervalNanos > 0) {
            intended = nextIntended;
            nextIntended += intervalNanos;
        } else if (thinkNanos > 0 && previousEnd != 0) {
            intended = previousEnd + thinkNanos;
        } else {
            return clock.nanoTime();
        }
        clock.sleepUntil(intended);
        return intended;
    }

    /** No schedule and no think time: each request is sent the moment {@link #awaitNext} returns. */
    boolean closedLoop() {
        return intervalNanos == 0 && thinkNanos == 0;
    }

    /** The answer (or the failure) of the current request arrived at {@code endNanos}. */
    void requestEnded(long endNanos) {
        previousEnd = endNanos;
    }
}
