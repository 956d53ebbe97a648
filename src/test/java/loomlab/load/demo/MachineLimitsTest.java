package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineLimitsTest {

    @Test
    void aTwentyThousandFileLimitAllowsAbout19800ClientsPerServer() {
        MachineLimits lab = new MachineLimits(20_000, 40, 28_232, 32_768, 600, 65_530);
        assertEquals(19_800, lab.largestClients());
        assertTrue(lab.describe().get("largest client count").equals("19,800"));
    }

    @Test
    void withoutAFileLimitTheCountStopsAtAMillion() {
        MachineLimits wide = new MachineLimits(Long.MAX_VALUE, 40, 28_232, 4_194_304, 600, 1_000_000);
        assertEquals(1_000_000, wide.largestClients(), "ephemeral ports do not cap it: clients spread over addresses");
    }

    @Test
    void aTinyLimitStillLeavesAtLeastOneClient() {
        assertEquals(56, new MachineLimits(256, 40, 28_232, 0, 0, 0).largestClients(), "the server keeps 200 for itself");
        assertEquals(200, new MachineLimits(400, 50, 28_232, 0, 0, 0).largestClients());
        assertEquals(1, new MachineLimits(150, 40, 28_232, 0, 0, 0).largestClients());
    }

    @Test
    void platformThreadsAreCappedByPidMaxForTheMachineAndMapCountPerProcess() {
        assertEquals(32_768 - 600, new MachineLimits(20_000, 40, 28_232, 32_768, 600, 65_530).platformThreadsLeft());
        assertEquals(10_000, new MachineLimits(20_000, 40, 28_232, 4_194_304, 600, 20_000).platformThreadsLeft());
        assertEquals(-1, new MachineLimits(20_000, 40, 28_232, 0, 600, 65_530).platformThreadsLeft());
        String words = new MachineLimits(20_000, 40, 28_232, 12_000, 600, 65_530).describe().get("threads");
        assertTrue(words.contains("fewer than the largest step needs"), words);
    }
}
