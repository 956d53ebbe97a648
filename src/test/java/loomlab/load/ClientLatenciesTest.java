package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientLatenciesTest {

    @Test
    void theWindowKeepsOnlyWhatWasRecordedInsideItAndAccumulates() {
        ClientLatencies r = new ClientLatencies(4);
        r.record(0, 1_000_000, false);
        r.record(1, 2_000_000, true);
        r.record(2, 3_000_000, true);
        assertEquals(2, r.window().getTotalCount());
        r.record(3, 4_000_000, true);
        assertEquals(3, r.window().getTotalCount());
        assertEquals(4_000, r.window().getMaxValue(), 4); // microseconds, 3 significant digits
    }

    @Test
    void theLiveViewIsTheIntervalSinceTheLastDrain() {
        ClientLatencies r = new ClientLatencies(4);
        for (int i = 0; i < 10; i++) r.record(i, 500_000, false);
        assertEquals(10, r.drainLive().getTotalCount());
        assertEquals(0, r.drainLive().getTotalCount());
        r.record(7, 500_000, true);
        assertEquals(1, r.drainLive().getTotalCount());
    }

    @Test
    void aWindowValueDrainedForTheLiveLineStaysInTheWindowOnce() {
        ClientLatencies r = new ClientLatencies(4);
        r.record(1, 2_000_000, true);
        r.record(2, 1_000_000, false);
        assertEquals(2, r.drainLive().getTotalCount(), "the live line sees both");
        r.record(3, 3_000_000, true);
        assertEquals(2, r.window().getTotalCount(), "the window has its two, each once");
        assertEquals(2, r.window().getTotalCount(), "and reading it again changes nothing");
    }

    @Test
    void absurdValuesAreClampedNotThrown() {
        ClientLatencies r = new ClientLatencies(1);
        r.record(0, Long.MAX_VALUE, true);
        r.record(0, -5, true);
        assertEquals(2, r.window().getTotalCount());
    }
}
