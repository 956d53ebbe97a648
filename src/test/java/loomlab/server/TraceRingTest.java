package loomlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import loomlab.server.TraceRecord.Ending;
import org.junit.jupiter.api.Test;

/** The trace ring stays bounded and keeps the newest records, also with many writers at once. */
class TraceRingTest {

    private static TraceRecord record(String client, int n) {
        return new TraceRecord(n, "calc", client, n, new byte[] {(byte) n}, 1, new byte[0], 0, Ending.REPLY, null, 1);
    }

    @Test
    void keepsTheLastCapacityRecordsNewestFirst() {
        TraceRing ring = new TraceRing(8);
        assertTrue(ring.newestFirst().isEmpty());
        for (int i = 0; i < 3; i++) ring.add(record("a", i));
        assertEquals(List.of(2, 1, 0), ring.newestFirst().stream().map(e -> e.record().clientPort()).toList());
        for (int i = 3; i < 1_000; i++) ring.add(record("a", i));
        List<TraceRing.Entry> held = ring.newestFirst();
        assertEquals(8, held.size(), "bounded");
        assertEquals(List.of(999, 998, 997, 996, 995, 994, 993, 992), held.stream().map(e -> e.record().clientPort()).toList());
        assertEquals(1_000, ring.written());
    }

    @Test
    void manyVirtualThreadsWritingAtOnceLeaveTheNewestCapacityRecords() throws Exception {
        int writers = 200;
        int each = 500;
        TraceRing ring = new TraceRing();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String client = "10.0.0." + w;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    ring.add(record(client, i));
                    if (i % 50 == 0) Thread.yield();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join();

        long total = (long) writers * each;
        assertEquals(total, ring.written());
        List<TraceRing.Entry> held = ring.newestFirst();
        assertEquals(TraceRing.CAPACITY, held.size(), "bounded, and every slot filled");
        Set<Long> seqs = new HashSet<>();
        for (TraceRing.Entry e : held) seqs.add(e.seq());
        Set<Long> newest = new HashSet<>();
        for (long s = total - TraceRing.CAPACITY; s < total; s++) newest.add(s);
        assertEquals(newest, seqs, "the slots hold exactly the last " + TraceRing.CAPACITY + " records written");
        for (int i = 1; i < held.size(); i++) assertTrue(held.get(i - 1).seq() > held.get(i).seq(), "newest first");
    }
}
