package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loomlab.config.Mode;
import loomlab.load.Workload;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    private static final MachineLimits LAB_MACHINE = new MachineLimits(20_000, 40, 28_232, 32_768, 600, 65_530);

    private static DemoSettings settings(List<Integer> counts, Integer labIdle) {
        return new DemoSettings(Workload.ECHO, counts, DemoSettings.DEFAULT_MODES, Duration.ofSeconds(5), Duration.ofSeconds(2),
                64, 100, labIdle, 50, 10, true, Path.of("out"), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void byDefaultTheLadderClimbsToTheMachinesLargestCountThenTheLab() {
        DemoPlan plan = DemoPlan.of(settings(List.of(), null), LAB_MACHINE);
        List<Integer> platform = plan.steps().stream()
                .filter(p -> p.mode() == Mode.PLATFORM && p.scenario() == Scenario.LADDER).map(DemoPlan.Planned::clients).toList();
        assertEquals(List.of(1, 10, 100, 1_000, 10_000, 19_800), platform);
        List<DemoPlan.Planned> lab = plan.steps().stream().filter(p -> p.scenario() == Scenario.LAB).toList();
        assertEquals(3, lab.size());
        assertTrue(lab.stream().allMatch(p -> p.idle() == 19_750 && p.clients() == 50 && p.connections() == 19_800));
        assertNotNull(lab.stream().filter(p -> p.mode() == Mode.SERIAL).findFirst().orElseThrow().skipped());
        assertNull(lab.stream().filter(p -> p.mode() == Mode.VIRTUAL).findFirst().orElseThrow().skipped());
    }

    @Test
    void serialStepsAboveTheLimitAreSkippedWithTheReason() {
        DemoPlan plan = DemoPlan.of(settings(List.of(), 0), LAB_MACHINE);
        List<DemoPlan.Planned> serial = plan.steps().stream().filter(p -> p.mode() == Mode.SERIAL).toList();
        assertEquals(6, serial.size());
        assertEquals(3, serial.stream().filter(p -> p.skipped() == null).count());
        assertTrue(serial.get(3).skipped().contains("--serial-max 100"), serial.get(3).skipped());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("serial steps above 100")), plan.notes().toString());
        assertTrue(plan.steps().stream().noneMatch(p -> p.scenario() == Scenario.LAB), "--lab-idle 0 skips the lab");
        assertEquals(3 + 6 + 6, plan.runnable());
    }

    @Test
    void countsAboveTheLimitAreClampedAndSaidSo() {
        DemoPlan plan = DemoPlan.of(settings(List.of(10, 50_000), 100_000), LAB_MACHINE);
        assertEquals(List.of(10, 19_800), plan.steps().stream().filter(p -> p.mode() == Mode.VIRTUAL
                && p.scenario() == Scenario.LADDER).map(DemoPlan.Planned::clients).toList());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("clamped to 19,800")), plan.notes().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("idle connections were clamped to 19,750")), plan.notes().toString());
    }

    @Test
    void theEstimateCountsOnlyTheStepsThatRun() {
        DemoPlan plan = DemoPlan.of(settings(List.of(), null), LAB_MACHINE);
        double seconds = plan.estimatedSeconds(settings(List.of(), null));
        assertTrue(seconds > plan.runnable() * 7 && seconds < 300, "the default demo fits in five minutes: " + seconds);
    }
}
