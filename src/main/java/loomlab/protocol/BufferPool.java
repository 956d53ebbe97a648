package loomlab.protocol;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few large buffers shared by all connections of a service, so that a connection holds a large
 * buffer only while data is streaming in, not while it waits. Lock-free and bounded: when every
 * slot is empty a new buffer is allocated, and a buffer given back to a full pool is left to the
 * garbage collector. Taking and giving back cost a compare-and-set each, never an allocation
 * while the pool has buffers.
 */
public final class BufferPool {

    private final int bufferSize;
    private final AtomicReferenceArray<byte[]> slots;

    public BufferPool(int bufferSize, int slots) {
        if (bufferSize < 1 || slots < 1) throw new IllegalArgumentException("bufferSize and slots must be >= 1");
        this.bufferSize = bufferSize;
        this.slots = new AtomicReferenceArray<>(slots);
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** A buffer of {@link #bufferSize()} bytes (its content is whatever the last user left). */
    public byte[] take() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            byte[] b = slots.get(slot);
            if (b != null && slots.compareAndSet(slot, b, null)) return b;
        }
        return new byte[bufferSize];
    }

    /** Gives a buffer from {@link #take()} back; buffers of another size are ignored. */
    public void giveBack(byte[] buffer) {
        if (buffer.length != bufferSize) return;
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, buffer)) return;
        }
    }

    /** Threads start their search at different slots, so that they rarely touch the same one. */
    private static int start(int n) {
        return (int) (Thread.currentThread().threadId() % n);
    }
}
