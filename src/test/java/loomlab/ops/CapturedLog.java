package loomlab.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The log lines of one logger (and its children) while a test runs, as the server formats them. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger; // held strongly: java.util.logging forgets loggers nobody references
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override public void publish(LogRecord r) { lines.add(r.getLevel() + " " + r.getMessage()); }
        @Override public void flush() { }
        @Override public void close() { }
    };

    CapturedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    List<String> matching(String regex) {
        return lines.stream().filter(l -> l.matches("(?s)" + regex)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
