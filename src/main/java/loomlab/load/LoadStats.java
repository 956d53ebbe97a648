package loomlab.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters all clients update; LongAdders, so ten thousand clients do not queue on one. */
public final class LoadStats {

    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredInWindow = new LongAdder();
    private final LongAdder mismatches = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder cutAtStop = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder clientsUp = new LongAdder();
    private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);
    /** The first message seen of each kind, for the report: "Connection refused". */
    private final Map<ErrorKind, String> examples = new ConcurrentHashMap<>();

    public LoadStats() {
        for (ErrorKind k : ErrorKind.values()) errors.put(k, new LongAdder());
    }

    void addAnswer(boolean inWindow) {
        answered.increment();
        if (inWindow) answeredInWindow.increment();
    }
    void addMismatch() { mismatches.increment(); }
    void addLate() { late.increment(); }
    void addCutAtStop() { cutAtStop.increment(); }
    void addConnect() { connects.increment(); }
    void clientUp() { clientsUp.increment(); }
    void clientDown() { clientsUp.decrement(); }

    void addError(ErrorKind kind, String example) {
        errors.get(kind).increment();
        if (example != null) examples.putIfAbsent(kind, example);
    }

    /** Requests answered correctly so far (the whole run, not only the window). */
    public long answered() { return answered.sum(); }
    /** Requests answered correctly inside the measured window. */
    public long answeredInWindow() { return answeredInWindow.sum(); }
    public long mismatches() { return mismatches.sum(); }
    /** UDP replies that came after their request was given up as lost. */
    public long late() { return late.sum(); }
    /** Requests still waiting for their answer when the run ended: neither answered nor failed. */
    public long cutAtStop() { return cutAtStop.sum(); }
    /** Successful connects so far. */
    public long connects() { return connects.sum(); }
    /** Clients that are running now and (echo) hold a connection. */
    public long clientsUp() { return clientsUp.sum(); }

    public long errors(ErrorKind kind) { return errors.get(kind).sum(); }

    public Map<ErrorKind, Long> errorCounts() {
        Map<ErrorKind, Long> m = new EnumMap<>(ErrorKind.class);
        errors.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public Map<ErrorKind, String> examples() {
        return Map.copyOf(examples);
    }

    /** Failed requests and connects together, plus mismatches: what the live line shows. */
    public long allErrors() {
        long n = mismatches.sum();
        for (LongAdder a : errors.values()) n += a.sum();
        return n;
    }
}
