package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import loomlab.config.Mode;
import loomlab.load.LatencySummary;
import loomlab.load.LoadResult;
import loomlab.load.LoadSettings;
import loomlab.load.Workload;
import org.junit.jupiter.api.Test;

class StepFiguresTest {

    private static final long MIB = 1L << 20;
    private static final DemoPlan.Planned PLATFORM_10K = new DemoPlan.Planned(Scenario.LADDER, Mode.PLATFORM, 10_000, 0, null);

    private static LoadResult result(long answers, double seconds, long connected) {
        LoadSettings s = LoadSettings.of(Workload.ECHO, new InetSocketAddress("127.0.0.1", 1), (int) connected, Duration.ofSeconds(5));
        return new LoadResult(s, List.of(), seconds, answers, answers, new LatencySummary(answers, 1.5, 2, 3, 4, 5, 1.7),
                connected, connected, new long[] {3, 10, 12}, connected, Map.of(), Map.of(), 0, 0, 0);
    }

    private static StepFigures.Observed observed(long rssBefore, long rssAtLoad, long cpuStart, long cpuEnd) {
        return new StepFigures.Observed(new ProcFiles.Sample(100, rssBefore, 18), new ProcFiles.Sample(cpuStart, rssBefore, 10_018),
                new ProcFiles.Sample(cpuEnd, rssAtLoad, 10_018), 10 * MIB, 10 * MIB + 160 * MIB, 25, 10_025);
    }

    @Test
    void cpuPerAnswerIsTheServersTicksInTheWindowOverItsAnswers() {
        // 250 ticks = 2.5 s of CPU for 100,000 answers: 25 µs each; over a 5 s window that is half a core.
        Step s = StepFigures.of(PLATFORM_10K, result(100_000, 5, 10_000), observed(80 * MIB, 80 * MIB + 700 * MIB, 1_000, 1_250),
                OptionalDouble.of(2.5), 4242, null, 0, 0);
        assertEquals(25.0, s.serverCpuMicrosPerAnswer(), 1e-9);
        assertEquals(0.5, s.serverCpuShare(), 1e-9);
        assertEquals(10_018, s.serverThreads());
        assertEquals(10_000L, s.serverConnections(), "connections from the server's own descriptors");
        assertEquals(4242L, s.serverPid());
        assertEquals(2.5, s.allAnsweredSeconds());
        assertEquals(new Fairness(3, 10, 12), s.fairness());
    }

    @Test
    void memoryPerConnectionIsTheGrowthOfTheServerAndOfTheKernelOverTheConnections() {
        Step s = StepFigures.of(PLATFORM_10K, result(100_000, 5, 10_000), observed(80 * MIB, 80 * MIB + 700 * MIB, 0, 10),
                OptionalDouble.empty(), 1, null, 0, 0);
        MemoryCost m = s.memory();
        assertEquals(700.0 * MIB / 10_000, m.rssPerConnection(), 1e-6);
        assertEquals(160.0 * MIB / 10_000, m.kernelPerConnection(), 1e-6);
        assertEquals(860.0 * MIB / 10_000, m.totalPerConnection(), 1e-6);
        assertNull(m.rssUpperBound());
        assertNull(s.allAnsweredSeconds(), "some client never got an answer");
    }

    @Test
    void aDeltaWithinTheNoiseIsNeverAFigureAndNeverNegative() {
        Step grew = StepFigures.of(PLATFORM_10K, result(10, 5, 10), observed(80 * MIB, 80 * MIB + 3 * MIB, 0, 10),
                OptionalDouble.empty(), 1, null, 0, 0);
        assertTrue(grew.memory().rssWithinNoise());
        assertNull(grew.memory().rssPerConnection());
        assertNull(grew.memory().totalPerConnection());
        assertEquals(16.0 * MIB / 10_000, grew.memory().rssUpperBound(), 1e-6, "the floor shared by the connections");
        Step shrank = StepFigures.of(PLATFORM_10K, result(10, 5, 10), observed(80 * MIB, 70 * MIB, 0, 10),
                OptionalDouble.empty(), 1, null, 0, 0);
        assertTrue(shrank.memory().rssWithinNoise());
        assertNull(shrank.memory().rssPerConnection());
        assertTrue(shrank.memory().rssUpperBound() > 0);
    }

    @Test
    void theNoiseFloorGrowsWithALargeBaseline() {
        assertEquals(16 * MIB, StepFigures.rssNoiseFloor(60 * MIB));
        assertEquals(50 * MIB, StepFigures.rssNoiseFloor(500 * MIB));
    }

    @Test
    void noAnswersMeansNoCpuPerAnswerRatherThanInfinity() {
        Step s = StepFigures.of(PLATFORM_10K, result(0, 5, 1), observed(80 * MIB, 80 * MIB, 0, 10), OptionalDouble.empty(), 1,
                "the server could not start a thread", 0, 0);
        assertNull(s.serverCpuMicrosPerAnswer());
        assertEquals("the server could not start a thread", s.stopped());
        assertFalse(s.memory().rssPerConnection() != null);
    }

    @Test
    void idleConnectionsThatFailedCountAsErrors() {
        DemoPlan.Planned lab = new DemoPlan.Planned(Scenario.LAB, Mode.VIRTUAL, 50, 1_000, null);
        Step s = StepFigures.of(lab, result(500, 5, 50), observed(80 * MIB, 90 * MIB, 0, 10), OptionalDouble.of(0.1), 1, null, 990, 10);
        assertEquals(10, s.errors());
        assertEquals(1_050, s.connections());
    }
}
