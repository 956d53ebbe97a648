package loomlab.server;

import loomlab.config.Mode;
import loomlab.log.JvmLog;

/**
 * A TCP mode as a strategy: how many connections it serves at once, which thread its accept loop
 * runs on, and how the accept loop hands a connection over. The accept loop and the connection
 * handler are the same for all modes; only this differs, and nothing else asks which mode it is.
 */
public enum ConnectionRunner {

    /** The lecture's first servers: serve this client to the end, then accept the next. */
    SERIAL {
        @Override
        public int connectionsAtOnce(int maxConnections) {
            return 1;
        }

        @Override
        String note() {
            return " (one client at a time)";
        }

        @Override
        Handover handOver(String service) {
            return Runnable::run; // the accept loop's own thread serves it
        }
    },

    /** One cheap virtual thread per connection: blocking code, no pool to size. */
    VIRTUAL {
        @Override
        Thread.Builder acceptThread() {
            // The accept loop is a virtual thread as well: a connection's thread started from a
            // carrier goes to that carrier's own queue, while one started from a platform thread
            // must wake a carrier, a context switch per connection.
            return Thread.ofVirtual();
        }

        @Override
        Handover handOver(String service) {
            Thread.Builder builder = Thread.ofVirtual().name(service + "-conn");
            return builder::start;
        }
    },

    /** The lecture's threading.Thread per connection, kept for comparison in demos. */
    PLATFORM {
        @Override
        Handover handOver(String service) {
            // A thread the OS refuses is logged by the accept loop, rate-limited, not by the JVM per thread.
            JvmLog.silenceThreadStartWarnings();
            Thread.Builder builder = Thread.ofPlatform().daemon(true).name(service + "-conn-", 1);
            return builder::start;
        }
    };

    public static ConnectionRunner of(Mode mode) {
        return switch (mode) {
            case SERIAL -> SERIAL;
            case VIRTUAL -> VIRTUAL;
            case PLATFORM -> PLATFORM;
        };
    }

    /** The connections a service of this mode holds at once when its limit is {@code maxConnections}. */
    public int connectionsAtOnce(int maxConnections) {
        return maxConnections;
    }

    /** What the start-up line says of the mode after its name; nothing unless the mode needs saying. */
    String note() {
        return "";
    }

    /** The kind of thread the accept loop runs on: a platform thread unless the mode says otherwise. */
    Thread.Builder acceptThread() {
        return Thread.ofPlatform().daemon(true);
    }

    /** How the accept loop of {@code service} hands its connections over; made once per service. */
    abstract Handover handOver(String service);

    /** Hands one accepted connection to its thread. */
    @FunctionalInterface
    interface Handover {
        /** Runs the connection; returns when it is handed over (or, in serial mode, finished). */
        void run(Runnable connection);
    }
}
