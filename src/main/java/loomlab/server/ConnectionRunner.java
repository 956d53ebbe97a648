package loomlab.server;

import loomlab.config.Mode;
import loomlab.log.JvmLog;

/**
 * A TCP mode as a strategy: how the accept loop hands a connection to a thread. The accept loop
 * and the connection handler are the same for all modes; only this differs.
 */
@FunctionalInterface
interface ConnectionRunner {

    /** Runs the connection; returns when it is handed over (or, in serial mode, finished). */
    void run(Runnable connection);

    static ConnectionRunner of(Mode mode, String service) {
        return switch (mode) {
            // The lecture's first servers: serve this client to the end, then accept the next.
            case SERIAL -> Runnable::run;
            // One cheap virtual thread per connection: blocking code, no pool to size.
            case VIRTUAL -> {
                Thread.Builder builder = Thread.ofVirtual().name(service + "-conn");
                yield builder::start;
            }
            // The lecture's threading.Thread per connection, kept for comparison in demos.
            case PLATFORM -> {
                // A thread the OS refuses is logged by the listener, rate-limited, not by the JVM per thread.
                JvmLog.silenceThreadStartWarnings();
                Thread.Builder builder = Thread.ofPlatform().daemon(true).name(service + "-conn-", 1);
                yield builder::start;
            }
        };
    }
}
