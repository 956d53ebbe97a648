package loomlab.log;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import loomlab.config.LogLevel;

/**
 * Routes {@code System.Logger} (backed by java.util.logging, so no framework is forced on users)
 * to stderr in {@link LogFormat}. Per-connection lines are logged at INFO unless the level is
 * QUIET; the check is a field read, so a quiet server does no work per connection.
 */
public final class Logging {

    private static volatile boolean connectionLines = true;

    private Logging() { }

    public static void configure(LogLevel level) {
        configure(level, System.err);
    }

    public static void configure(LogLevel level, PrintStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        // A StreamHandler on the given stream, flushed per record like a console; not a
        // ConsoleHandler re-pointed with setOutputStream, which would close System.err.
        Handler handler = new StreamHandler(out, new LogFormat()) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        try {
            handler.setEncoding("UTF-8");
        } catch (UnsupportedEncodingException impossible) {
            throw new AssertionError(impossible);
        }
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        Level jul = switch (level) {
            case DEBUG -> Level.FINE;
            case INFO, QUIET -> Level.INFO;
            case WARNING -> Level.WARNING;
        };
        root.setLevel(jul);
        connectionLines = level == LogLevel.DEBUG || level == LogLevel.INFO;
    }

    /** Whether "connection from ..." lines are wanted (INFO and DEBUG, not QUIET). */
    public static boolean connectionLines() {
        return connectionLines;
    }

    public static System.Logger service(String name) {
        return System.getLogger(LogFormat.SERVICE_PREFIX + name);
    }
}
