package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void twoCoresGiveOneToTheServersAndOneToTheLoad() {
        Placement p = Placement.plan(List.of(0, 1), true, true);
        assertTrue(p.pinned());
        assertEquals(List.of(0), p.serverCores());
        assertEquals(List.of(1), p.loadCores());
    }

    @Test
    void anOddCountGivesTheSpareCoreToTheLoadGenerator() {
        Placement p = Placement.plan(List.of(2, 3, 5), true, true);
        assertEquals(List.of(2), p.serverCores());
        assertEquals(List.of(3, 5), p.loadCores());
    }

    @Test
    void withoutTasksetOrWithOneCoreNothingIsPinnedAndTheReasonIsSaid() {
        Placement one = Placement.plan(List.of(0), true, true);
        assertFalse(one.pinned());
        assertTrue(one.why().contains("one core"), one.why());
        Placement none = Placement.plan(List.of(0, 1), false, true);
        assertFalse(none.pinned());
        assertTrue(none.why().contains("taskset"), none.why());
        Placement off = Placement.plan(List.of(0, 1), true, false);
        assertFalse(off.pinned());
        assertTrue(off.why().contains("--no-pin"), off.why());
    }

    @Test
    void coreListsReadAsTheKernelWritesThem() {
        assertEquals(List.of(0, 1, 2, 3, 5, 7, 8), Affinity.parseList("0-3,5,7-8\n"));
        assertEquals(List.of(1), Affinity.parseList(" 1 "));
        assertEquals(List.of(), Affinity.parseList("x-y"));
        assertEquals(List.of(), Affinity.parseList("5-2"));
        assertEquals("0,1,2,5", Affinity.format(List.of(0, 1, 2, 5)));
        assertEquals(List.of("taskset", "-c", "0,1"), Affinity.prefix(List.of(0, 1)));
        assertEquals(List.of(), Affinity.prefix(List.of()));
    }
}
