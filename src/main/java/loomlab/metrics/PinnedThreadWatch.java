package loomlab.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import loomlab.log.RateLimitedLog;

/**
 * Makes virtual-thread pinning visible: a JFR {@link RecordingStream} of
 * {@code jdk.VirtualThreadPinned} events above a threshold, each logged as a warning with the
 * stack where the thread blocked (rate-limited) and counted for {@code /metrics}. JFR streams
 * events in the background about once a second; nothing runs on the connections' threads.
 * Where the runtime lacks JFR or the event (another JVM, a native image), it says so once and
 * does nothing.
 */
public final class PinnedThreadWatch implements AutoCloseable {

    public static final String EVENT = "jdk.VirtualThreadPinned";
    /** Stack frames shown per warning: enough to find the synchronized block or native call. */
    static final int FRAMES = 16;
    /** The longest a stop waits for JFR to finish starting (it takes about a second on a busy machine). */
    static final Duration START_WAIT = Duration.ofSeconds(5);

    private final LongAdder pinned = new LongAdder();
    private final Logger log;
    private final RateLimitedLog warnings;
    private final Duration threshold;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile RecordingStream stream;
    private volatile boolean closed;

    private PinnedThreadWatch(Logger log, Duration threshold) {
        this.log = log;
        this.warnings = new RateLimitedLog(log, Level.WARNING, 10_000);
        this.threshold = threshold;
    }

    /**
     * Starts watching in the background (JFR takes most of a second to start, which should not
     * delay serving); where JFR cannot do it, logs why once (INFO) and stays inactive.
     */
    public static PinnedThreadWatch start(Duration threshold, Logger log) {
        PinnedThreadWatch watch = new PinnedThreadWatch(log, threshold);
        Thread.ofPlatform().daemon(true).name("pinning-watch-start").start(watch::startRecording);
        return watch;
    }

    private void startRecording() {
        try {
            String missing = unsupportedReason();
            if (missing != null) {
                log.log(Level.INFO, "pinned virtual threads are not reported: " + missing);
                return;
            }
            RecordingStream rs = new RecordingStream();
            rs.enable(EVENT).withThreshold(threshold).withStackTrace();
            rs.onEvent(EVENT, this::pinnedEvent);
            synchronized (this) {
                if (closed) {
                    rs.close();
                    return;
                }
                stream = rs;
            }
            rs.startAsync();
            log.log(Level.DEBUG, () -> "reporting virtual threads pinned for " + threshold.toMillis() + " ms or more (JFR " + EVENT + ")");
        } catch (RuntimeException | LinkageError e) {
            log.log(Level.INFO, "pinned virtual threads are not reported: JFR failed to start (" + e + ")");
        } finally {
            started.countDown();
        }
    }

    /** Waits until the recording runs (or turned out impossible); true when it runs. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && stream != null;
    }

    /** Why this runtime cannot report pinning, or null when it can. */
    static String unsupportedReason() {
        try {
            if (!FlightRecorder.isAvailable()) return "JFR is not available in this runtime";
            List<EventType> types = FlightRecorder.getFlightRecorder().getEventTypes();
            for (EventType t : types) {
                if (t.getName().equals(EVENT)) return null;
            }
            return "this runtime has no " + EVENT + " event";
        } catch (RuntimeException | LinkageError e) {
            return "JFR failed to start (" + e + ")";
        }
    }

    /** Runs on JFR's stream thread: whatever fails in describing one event must not end the stream. */
    private void pinnedEvent(RecordedEvent e) {
        pinned.increment();
        try {
            warnings.log(() -> describe(e));
        } catch (RuntimeException | Error failure) {
            warnings.log(() -> "a virtual thread was pinned to its carrier; describing it failed (" + failure + ")");
        }
    }

    static String describe(RecordedEvent e) {
        StringBuilder sb = new StringBuilder("a virtual thread was pinned to its carrier for ")
                .append(e.getDuration().toMillis()).append(" ms");
        RecordedThread t = e.getThread();
        if (t != null && t.getJavaName() != null && !t.getJavaName().isEmpty()) sb.append(" (thread ").append(t.getJavaName()).append(')');
        // JDK 24+ says why and on what; JDK 21 does not.
        for (String field : new String[] {"pinnedReason", "blockingOperation"}) {
            if (e.hasField(field) && e.getValue(field) != null) sb.append("; ").append(field).append(": ").append((Object) e.getValue(field));
        }
        sb.append(": it blocked where it cannot unmount (synchronized on JDK 21-23, native code, a class initializer),"
                + " so a carrier thread was taken from every other virtual thread meanwhile. Stack:");
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null) return sb.append(" (not recorded)").toString();
        List<RecordedFrame> frames = stack.getFrames();
        int first = 0;
        while (first < frames.size() - 1 && isParkingMachinery(frames.get(first))) first++;
        int end = Math.min(frames.size(), first + FRAMES);
        for (int i = first; i < end; i++) {
            RecordedFrame f = frames.get(i);
            sb.append(System.lineSeparator()).append("    at ").append(f.getMethod().getType().getName())
                    .append('.').append(f.getMethod().getName());
            if (f.getLineNumber() > 0) sb.append(':').append(f.getLineNumber());
        }
        if (end < frames.size() || stack.isTruncated()) sb.append(System.lineSeparator()).append("    ...");
        return sb.toString();
    }

    /** The JDK's own frames on top of every pinned stack: they say nothing about where it happened. */
    private static boolean isParkingMachinery(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.equals("java.lang.VirtualThread") || type.startsWith("java.lang.System$");
    }

    /** Pinned events seen (above the threshold) since start. */
    public long pinnedCount() {
        return pinned.sum();
    }

    /** Whether events are being recorded. */
    public boolean active() {
        return stream != null;
    }

    /**
     * Stops the recording. If JFR is still starting, waits for that first (at most
     * {@link #START_WAIT}): a JVM that exits while JFR initializes prints JVMTI errors, which is
     * what a Ctrl-C right after start used to show.
     */
    @Override
    public void close() {
        try {
            started.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecordingStream rs;
        synchronized (this) {
            closed = true;
            rs = stream;
        }
        if (rs != null) rs.close();
    }
}
