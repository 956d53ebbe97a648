package loomlab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    @Test
    void anEmptyPoolAllocates() {
        BufferPool pool = new BufferPool(1024, 2);
        byte[] a = pool.take();
        byte[] b = pool.take();
        assertEquals(1024, a.length);
        assertNotSame(a, b);
    }

    @Test
    void aBufferGivenBackIsTakenAgain() {
        BufferPool pool = new BufferPool(1024, 2);
        byte[] a = pool.take();
        pool.giveBack(a);
        assertSame(a, pool.take());
    }

    @Test
    void aFullPoolDropsWhatItCannotHoldAndIgnoresOtherSizes() {
        BufferPool pool = new BufferPool(16, 1);
        byte[] a = new byte[16];
        pool.giveBack(a);
        pool.giveBack(new byte[16]); // no free slot: left to the GC
        pool.giveBack(new byte[32]); // not ours
        assertSame(a, pool.take());
        assertEquals(16, pool.take().length);
    }

    @Test
    void neverHandsOneBufferToTwoHoldersAtOnce() throws InterruptedException {
        BufferPool pool = new BufferPool(8, 4);
        Set<byte[]> held = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicBoolean shared = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    byte[] b = pool.take();
                    if (!held.add(b)) shared.set(true);
                    held.remove(b);
                    pool.giveBack(b);
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertTrue(!shared.get(), "a buffer was handed out twice");
    }
}
