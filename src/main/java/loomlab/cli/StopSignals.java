package loomlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Waits for SIGINT (Ctrl-C) or SIGTERM (systemd, kill). A signal handler rather than a shutdown
 * hook: shutdown hooks run while java.util.logging is being torn down by its own hook, so the
 * graceful-stop log lines would be lost, and a JVM ended by a signal exits 130/143 where a
 * cleanly stopped server should exit 0.
 *
 * <p>The first signal starts the graceful stop ({@link #await} returns). A second one, while the
 * grace period runs, interrupts the thread that stops the server, which then closes every
 * connection at once; should that stop hang for {@link #FORCE_AFTER_MILLIS}, or a third signal
 * come, the JVM halts with {@link ExitCodes#SYSTEM}. So a signal always ends the process.
 */
final class StopSignals {

    /** After a second signal, the stop may take this long before the JVM is halted. */
    static final long FORCE_AFTER_MILLIS = 5_000;

    /** What a second signal does besides interrupting the stopping thread (a log line). */
    interface Urgent {
        void stopNow(String signal);
    }

    private final CountDownLatch received = new CountDownLatch(1);
    private final AtomicInteger count = new AtomicInteger();
    private final Thread stopper;
    private volatile String name = "";
    private volatile Urgent urgent = signal -> { };

    /** Installs the handlers; a second signal interrupts the calling thread, which runs the stop. */
    StopSignals() {
        this.stopper = Thread.currentThread();
        for (String signal : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(signal), s -> received("SIG" + s.getName()));
            } catch (IllegalArgumentException unsupported) {
                // e.g. a platform without this signal: the other one still works
            }
        }
    }

    private void received(String signal) {
        int n = count.incrementAndGet();
        if (n == 1) {
            name = signal;
            received.countDown();
            return;
        }
        if (n > 2) Runtime.getRuntime().halt(ExitCodes.SYSTEM);
        try {
            urgent.stopNow(signal);
        } catch (RuntimeException | Error e) {
            // the log line is a courtesy; stopping now is what matters
        }
        stopper.interrupt();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(FORCE_AFTER_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(ExitCodes.SYSTEM);
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** What to say when a second signal cuts the grace period short. */
    void onSecondSignal(Urgent action) {
        urgent = action;
    }

    /** Blocks until a stop signal arrives; returns its name ("SIGTERM"). */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
