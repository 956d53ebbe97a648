package loomlab.load;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/** What every client of one run shares: settings, counters, latencies, the phase. */
final class LoadContext {

    /**
     * Connects in flight at once. Ten thousand SYNs at the same instant overflow the server's
     * accept queue (somaxconn, 4096 here) and the kernel drops them, to be retried a second later;
     * a few hundred at a time connect as fast and without retries.
     */
    static final int PARALLEL_CONNECTS = 256;

    final LoadSettings settings;
    final LoadStats stats = new LoadStats();
    final ClientLatencies latency = new ClientLatencies();
    /** The clients' pacers read and wait on it: the system's, or a test's that notes the schedule. Set before the clients start. */
    Pacer.Clock pacerClock = Pacer.Clock.SYSTEM;
    /** Set once, before any client thread starts (Thread.start orders it before their reads). */
    long startNanos;
    final Semaphore connectSlots = new Semaphore(PARALLEL_CONNECTS);
    /** Counted down once per client after its first connect attempt (or its start, without one). */
    final CountDownLatch ready;
    /**
     * Opened when every client is ready (or the wait for them is over). Without a ramp-up, clients
     * connect first and send only then: a thousand clients already hammering a thread-per-connection
     * server leave its accept loop one time slice in hundreds, and the rest never get in.
     */
    final CountDownLatch go = new CountDownLatch(1);
    /** The TCP clients' read timeout (started with the first connection, ended by the stop). */
    final TimeoutSweeper timeouts;
    private volatile Phase phase = Phase.RAMP_UP;

    LoadContext(LoadSettings settings) {
        this.settings = settings;
        this.ready = new CountDownLatch(settings.clients());
        this.timeouts = new TimeoutSweeper(this);
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase p) {
        phase = p;
        if (p == Phase.STOPPING) timeouts.stop();
    }

    boolean stopping() {
        return phase == Phase.STOPPING;
    }

    boolean measuring() {
        return phase == Phase.MEASURING;
    }

    /** The source address of a client, or null when the OS picks. */
    InetAddress source(int client) {
        var sources = settings.sources();
        return sources.isEmpty() ? null : sources.get(client % sources.size());
    }

    /** Blocks until the clients may send (at once with a ramp-up: each sends as soon as it is up). */
    void awaitGo() throws InterruptedException {
        if (settings.rampUp().isZero()) go.await();
    }

    /** When a client starts: spread evenly over the ramp-up. */
    long startOf(int client) {
        return startNanos + settings.rampUp().toNanos() * client / settings.clients();
    }
}
