package loomlab.server;

/**
 * An accept loop's pause after a failure: 10 ms, doubling up to 1 s between attempts; from
 * 10 ms again after a success. One per kind of failure (accept, thread start), in the services'
 * accept loops and the admin endpoint's.
 */
public final class Backoff {

    public static final long FIRST_MILLIS = 10;
    public static final long MAX_MILLIS = 1_000;

    private long millis;

    public void reset() {
        millis = 0;
    }

    /** Sleeps the next pause; an interrupt ends it early and stays set for the caller to see. */
    public void pause() {
        millis = millis == 0 ? FIRST_MILLIS : Math.min(MAX_MILLIS, millis * 2);
        sleep(millis);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
