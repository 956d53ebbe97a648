package loomlab.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last exchanges of one traced service: a fixed number of slots, the oldest overwritten, so
 * tracing can stay on during a whole lab without growing memory (256 records of at most twice
 * {@value #KEPT_BYTES} bytes: 128 KiB of payload per service). Writers never lock: a sequence number
 * from one {@link AtomicLong} picks the slot, and a slot only ever takes a newer record than the
 * one it holds, so when writers race round the ring the newest records are the ones kept.
 */
public final class TraceRing {

    /** Records kept per service. */
    public static final int CAPACITY = 256;
    /** Bytes kept of each direction of an exchange; the totals are counted all the same. */
    public static final int KEPT_BYTES = 256;

    private final AtomicReferenceArray<Entry> slots;
    private final AtomicLong next = new AtomicLong();

    /** A record and its place in the order of writing. */
    public record Entry(long seq, TraceRecord record) { }

    public TraceRing() {
        this(CAPACITY);
    }

    public TraceRing(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    public int capacity() {
        return slots.length();
    }

    /** Records written since the start, kept or overwritten. */
    public long written() {
        return next.get();
    }

    public void add(TraceRecord record) {
        long seq = next.getAndIncrement();
        Entry entry = new Entry(seq, record);
        int slot = (int) (seq % slots.length());
        while (true) {
            Entry held = slots.get(slot);
            if (held != null && held.seq() > seq) return; // a writer one lap ahead got here first
            if (slots.compareAndSet(slot, held, entry)) return;
        }
    }

    /** What the ring holds now, newest first. */
    public List<Entry> newestFirst() {
        List<Entry> all = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            Entry e = slots.get(i);
            if (e != null) all.add(e);
        }
        all.sort(Comparator.comparingLong(Entry::seq).reversed());
        return all;
    }
}
