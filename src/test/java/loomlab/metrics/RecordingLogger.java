package loomlab.metrics;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A System.Logger that keeps what it is told, for asserting on log lines. */
public final class RecordingLogger implements System.Logger {

    public record Line(Level level, String message) { }

    public final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override public String getName() { return "test"; }
    @Override public boolean isLoggable(Level level) { return true; }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(new Line(level, msg));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(new Line(level, params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params)));
    }

    @Override
    public void log(Level level, Supplier<String> msg) {
        lines.add(new Line(level, msg.get()));
    }
}
