package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileBudgetTest {

    @Test
    void readsTheLimitLineOfProcSelfLimits() {
        var l = SystemLimits.parseFileLimit("Max open files            20000                20000                files     ").orElseThrow();
        assertEquals(20_000, l.soft());
        assertEquals(20_000, l.hard());
        var u = SystemLimits.parseFileLimit("Max open files            1024                 unlimited            files").orElseThrow();
        assertEquals(Long.MAX_VALUE, u.hard());
    }

    @Test
    void aFewClientsFit() {
        assertTrue(FileBudget.check(10, 2).enough());
    }

    @Test
    void tooManyClientsAreReportedWithTheNumbersAndTheFix() {
        // Beyond any limit this machine (or a CI runner) could have.
        FileBudget.Check c = FileBudget.check(Integer.MAX_VALUE / 2, 2);
        if (c.limit() == null) return; // not Linux: nothing to check against
        assertFalse(c.enough());
        String m = FileBudget.problem(c, Integer.MAX_VALUE / 2, "two sockets each");
        assertTrue(m.contains("ulimit -n"), m);
        assertTrue(m.contains("use at most " + Numbers.grouped(c.fitting()) + " clients"), m);
        assertTrue(m.contains("hard " + c.limit().hard()) || m.contains("hard unlimited"), m);
    }

    @Test
    void theFittingCountLeavesRoomForTheJvmsOwnFiles() {
        FileBudget.Check c = FileBudget.check(1, 2);
        if (c.limit() == null) return;
        assertTrue(c.fitting() * 2 + c.openNow() + FileBudget.MARGIN <= c.limit().soft());
    }
}
