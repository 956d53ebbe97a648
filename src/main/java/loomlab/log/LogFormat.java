package loomlab.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per event: time, level, the service it concerns, the message.
 * {@code 2026-11-25 10:15:02.123 INFO  [echo] connection from 127.0.0.1:53422}
 */
public final class LogFormat extends Formatter {

    /** Loggers of a service are named {@code loomlab.service.<name>}; the line shows {@code [name]}. */
    public static final String SERVICE_PREFIX = "loomlab.service.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(TIME.format(LocalDateTime.ofInstant(r.getInstant(), ZoneId.systemDefault())));
        sb.append(' ').append(level(r)).append(' ');
        sb.append('[').append(origin(r.getLoggerName())).append("] ");
        sb.append(formatMessage(r));
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            sb.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return sb.append(System.lineSeparator()).toString();
    }

    private static String level(LogRecord r) {
        return switch (r.getLevel().getName()) {
            case "SEVERE" -> "ERROR";
            case "WARNING" -> "WARN ";
            case "INFO" -> "INFO ";
            default -> "DEBUG";
        };
    }

    private static String origin(String loggerName) {
        if (loggerName == null) return "loomlab";
        if (loggerName.startsWith(SERVICE_PREFIX)) return loggerName.substring(SERVICE_PREFIX.length());
        int dot = loggerName.lastIndexOf('.');
        return loggerName.startsWith("loomlab") ? "loomlab" : loggerName.substring(dot + 1);
    }
}
