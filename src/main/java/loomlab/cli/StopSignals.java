package loomlab.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGINT (Ctrl-C) or SIGTERM (systemd, kill). A signal handler rather than a shutdown
 * hook: shutdown hooks run while java.util.logging is being torn down by its own hook, so the
 * graceful-stop log lines would be lost, and a JVM ended by a signal exits 130/143 where a
 * cleanly stopped server should exit 0.
 */
final class StopSignals {

    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name = "";

    StopSignals() {
        for (String signal : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(signal), s -> {
                    name = "SIG" + s.getName();
                    received.countDown();
                });
            } catch (IllegalArgumentException unsupported) {
                // e.g. a platform without this signal: the other one still works
            }
        }
    }

    /** Blocks until a stop signal arrives; returns its name ("SIGTERM"). */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
