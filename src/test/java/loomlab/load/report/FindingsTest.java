package loomlab.load.report;

import static loomlab.load.report.DemoSamples.ladder;
import static loomlab.load.report.DemoSamples.lab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import loomlab.config.Mode;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Fairness;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Scenario;
import loomlab.load.demo.Step;
import org.junit.jupiter.api.Test;

/** Every rule of the report's sentences: who wins either way, stops, placement, noise, missing modes. */
class FindingsTest {

    private static final Placement PINNED = new Placement(List.of(0), List.of(1), null);
    private static final Placement UNPINNED = new Placement(List.of(), List.of(), "taskset not found");

    private static DemoResult of(Placement p, Step... steps) {
        return DemoSamples.result(p, null, List.of(steps), true);
    }

    /** A ladder step with the given headline figures and defaults for the rest. */
    private static Step step(Mode mode, int clients, double rps, double cpu, double rss, int threads, double p99) {
        return ladder(mode, clients, rps, cpu, rss, mode == Mode.PLATFORM ? 16_000 : 0, threads, p99, 1.5, clients);
    }

    @Test
    void virtualWinsThroughputOnTheSameCore() {
        DemoResult r = of(PINNED, step(Mode.VIRTUAL, 19_800, 52_300, 18, 4_200, 23, 12),
                step(Mode.PLATFORM, 19_800, 28_100, 35, 72_700, 19_815, 34));
        assertEquals("Throughput at 19,800 clients on the same core: virtual threads 52,300 answers/s, platform threads "
                + "28,100 answers/s (1.9 ×).", Findings.of(r, Findings.THROUGHPUT));
        assertEquals("Server CPU per answer at 19,800 clients: virtual threads 18 µs, platform threads 35 µs (1.9 × more).",
                Findings.of(r, Findings.CPU));
        assertEquals("p99 latency at 19,800 clients: virtual threads 12 ms, platform threads 34 ms (2.8 ×).", Findings.of(r, Findings.P99));
        assertEquals("Server OS threads at 19,800 clients: platform threads 19,815 for 19,800 connections, virtual threads 23 "
                + "for 19,800 connections.", Findings.of(r, Findings.THREADS));
    }

    @Test
    void platformWinningAFigureIsSaid() {
        DemoResult r = of(PINNED, step(Mode.VIRTUAL, 9_900, 36_791, 40, 80_000, 23, 900),
                step(Mode.PLATFORM, 9_900, 63_321, 20, 4_000, 9_915, 300));
        assertEquals("Throughput at 9,900 clients on the same core: platform threads answered more: 63,300 answers/s, "
                + "virtual threads 36,800 answers/s (1.7 ×).", Findings.of(r, Findings.THROUGHPUT));
        assertEquals("Server CPU per answer at 9,900 clients: platform threads needed less CPU per answer: 20 µs, virtual "
                + "threads 40 µs (2 × more).", Findings.of(r, Findings.CPU));
        assertEquals("p99 latency at 9,900 clients: platform threads answered faster: 300 ms, virtual threads 900 ms (3 ×).",
                Findings.of(r, Findings.P99));
        assertTrue(Findings.of(r, Findings.MEMORY).endsWith("platform threads used less memory per connection: 3.9 KiB, "
                + "virtual threads 78 KiB (20 × more)."), Findings.of(r, Findings.MEMORY));
    }

    @Test
    void figuresWithinFivePercentAreAboutTheSame() {
        DemoResult r = of(PINNED, step(Mode.VIRTUAL, 1_000, 50_000, 18, 4_200, 23, 12),
                step(Mode.PLATFORM, 1_000, 51_000, 18.5, 72_700, 1_015, 12.3));
        assertEquals("Throughput at 1,000 clients on the same core: virtual threads 50,000 answers/s, platform threads "
                + "51,000 answers/s (about the same).", Findings.of(r, Findings.THROUGHPUT));
        assertTrue(Findings.of(r, Findings.P99).endsWith("(about the same)."));
    }

    @Test
    void theComparisonIsAtTheLargestCountBothRanAndAStoppedModeSaysWhereAndWhy() {
        DemoResult r = DemoSamples.result(null);
        String throughput = Findings.of(r, Findings.THROUGHPUT);
        assertTrue(throughput.startsWith("Throughput at 9,900 clients on the same core: virtual threads 52,000 answers/s"), throughput);
        assertTrue(throughput.endsWith(" Platform threads stopped at 19,800 clients: " + DemoSamples.STOPPED + "."), throughput);
        assertTrue(Findings.of(r, Findings.THREADS).endsWith(" Platform threads stopped at 19,800 clients: " + DemoSamples.STOPPED + "."));
    }

    @Test
    void unpinnedThroughputSaysItIsNotAFairComparisonAndWhy() {
        DemoResult r = of(UNPINNED, step(Mode.VIRTUAL, 100, 30_000, 18, 4_200, 23, 12),
                step(Mode.PLATFORM, 100, 50_000, 35, 72_700, 115, 34));
        String t = Findings.of(r, Findings.THROUGHPUT);
        assertTrue(t.startsWith("Throughput at 100 clients: platform threads answered more"), t);
        assertTrue(t.contains(" Not a fair comparison: the servers were not pinned to cores of their own (taskset not found)"), t);
        assertFalse(Findings.of(of(PINNED, r.steps().toArray(Step[]::new)), Findings.THROUGHPUT).contains("fair"));
    }

    @Test
    void memoryWithinNoiseIsABoundNeverAFigure() {
        // 500 clients: both deltas below the 2 MiB floor (DemoSamples.ladder below 1,000 clients).
        DemoResult small = of(PINNED, step(Mode.VIRTUAL, 500, 1, 1, 4_200, 23, 1), step(Mode.PLATFORM, 500, 1, 1, 72_700, 515, 1));
        assertEquals("Server memory per connection (resident memory against the fresh process) at 500 clients: virtual threads "
                + "below the noise floor (at most 4.1 KiB per connection), platform threads below the noise floor (at most 4.1 KiB per connection).",
                Findings.of(small, Findings.MEMORY));
        // Only virtual within noise: platform's figure against virtual's bound gives a ratio of at least.
        Step v = new Step(Scenario.LADDER, Mode.VIRTUAL, 10_000, 0, null, null, 1, 1.0, 1.0, 1, 0, 10_000, 10_000,
                new Fairness(1, 1, 1), 1.0, 1L, 1.0, 1.0, 23, 10_000L,
                new MemoryCost(10_000, 100L << 20, (100L << 20) + (1L << 20), 2L << 20, 0, 0, 1L << 20));
        DemoResult mixed = of(PINNED, v, step(Mode.PLATFORM, 10_000, 1, 1, 72_700, 10_015, 1));
        assertEquals("Server memory per connection (resident memory against the fresh process) at 10,000 clients: virtual "
                + "threads below the noise floor (at most 210 B per connection), platform threads 71 KiB (at least 347 × more for platform threads).",
                Findings.of(mixed, Findings.MEMORY));
        assertEquals("The kernel's thread stacks and page tables (KernelStack + PageTables, system-wide) per connection at "
                + "10,000 clients: virtual threads below the noise floor (at most 105 B per connection), platform threads 16 KiB.",
                Findings.of(mixed, Findings.KERNEL));
    }

    @Test
    void aShrinkingServerIsWithinNoiseNotNegative() {
        // RSS and kernel memory lower at load than before (the JVM gave memory back): never a negative figure.
        Step v = new Step(Scenario.LADDER, Mode.VIRTUAL, 1_000, 0, null, null, 1, 1.0, 1.0, 1, 0, 1_000, 1_000,
                new Fairness(1, 1, 1), 1.0, 1L, 1.0, 1.0, 23, 1_000L,
                new MemoryCost(1_000, 100L << 20, 96L << 20, 2L << 20, 50L << 20, 40L << 20, 1L << 20));
        Step p = new Step(Scenario.LADDER, Mode.PLATFORM, 1_000, 0, null, null, 1, 1.0, 1.0, 1, 0, 1_000, 1_000,
                new Fairness(1, 1, 1), 1.0, 2L, 1.0, 1.0, 1_015, 1_000L,
                new MemoryCost(1_000, 100L << 20, 90L << 20, 2L << 20, 50L << 20, 45L << 20, 1L << 20));
        DemoResult r = of(PINNED, v, p, lab(Mode.VIRTUAL, 100, 5, 1, -100, 23), lab(Mode.PLATFORM, 100, 5, 1, -100, 120));
        Pattern negative = Pattern.compile("-\\s?\\d");
        for (Findings.Finding f : Findings.of(r)) {
            assertFalse(negative.matcher(f.text()).find(), f.chart() + ": " + f.text());
        }
        assertTrue(Findings.of(r, Findings.MEMORY).contains("virtual threads below the noise floor (at most 2 KiB per connection)"));
    }

    @Test
    void anImpossibleFigureIsNotMeasuredNeitherShownNorACrash() {
        DemoResult r = of(PINNED, step(Mode.VIRTUAL, 100, 30_000, -3, 4_200, 23, Double.NaN),
                step(Mode.PLATFORM, 100, 30_000, 35, 72_700, 115, 12));
        assertEquals("Server CPU per answer at 100 clients: virtual threads not measured, platform threads 35 µs.", Findings.of(r, Findings.CPU));
        assertEquals("p99 latency at 100 clients: virtual threads not measured, platform threads 12 ms.", Findings.of(r, Findings.P99));
        DemoHtmlReport.render(r);
    }

    @Test
    void oneModeAloneIsDescribedAndSaysThereIsNothingToCompare() {
        DemoResult r = of(PINNED, step(Mode.VIRTUAL, 100, 30_000, 18, 4_200, 23, 12), step(Mode.VIRTUAL, 1_000, 40_000, 17, 4_200, 23, 20));
        assertEquals("Throughput on the same core: virtual threads 40,000 answers/s at 1,000 clients (no platform-thread step "
                + "to compare).", Findings.of(r, Findings.THROUGHPUT));
        assertEquals("Server OS threads: virtual threads 23 for 1,000 connections at 1,000 clients (no platform-thread step to "
                + "compare).", Findings.of(r, Findings.THREADS));
        DemoResult platformOnly = of(PINNED, step(Mode.PLATFORM, 100, 30_000, 18, 72_000, 115, 12));
        assertTrue(Findings.of(platformOnly, Findings.CPU).endsWith("platform threads 18 µs at 100 clients (no virtual-thread step to compare)."));
    }

    @Test
    void noStepAtAllIsSaidPlainly() {
        DemoResult r = of(PINNED, DemoSamples.skipped(Mode.SERIAL, 1_000, DemoSamples.SKIPPED));
        for (Findings.Finding f : Findings.of(r)) {
            if (f.chart().equals(Findings.LAB)) {
                assertEquals("The lab scenario did not run.", f.text());
            } else if (!f.chart().equals(Findings.SERVED)) {
                assertTrue(f.text().endsWith("no step of platform or virtual threads ran to the end."), f.chart() + ": " + f.text());
            }
        }
    }

    @Test
    void theConnectStormSaysWhenEveryClientWasAnsweredOnceOrThatSomeNeverWere() {
        Step v = ladder(Mode.VIRTUAL, 19_800, 1, 1, 1, 0, 23, 1, 1.8, 19_800);
        Step p = ladder(Mode.PLATFORM, 19_800, 1, 1, 1, 0, 19_815, 1, 6.2, 19_800);
        assertEquals("Connect storm at 19,800 clients: all answered once after 1.8 s (virtual) and 6.2 s (platform).",
                Findings.of(of(PINNED, v, p), Findings.STORM));
        Step never = ladder(Mode.PLATFORM, 19_800, 1, 1, 1, 0, 19_815, 1, null, 19_000);
        assertEquals("Connect storm at 19,800 clients: all answered once after 1.8 s (virtual), not every client got an answer "
                + "(platform).", Findings.of(of(PINNED, v, never), Findings.STORM));
        assertEquals("At 19,800 clients virtual threads answered 19,800 of 19,800 clients and platform threads 19,000 of 19,800 "
                + "clients (96 %).", Findings.of(of(PINNED, v, never), Findings.SERVED));
        assertEquals("Answers per client (min / median / max) at 19,800 clients: virtual threads 10 / 20 / 30, platform threads "
                + "0 / 20 / 30 (platform threads left some clients without any answer).", Findings.of(of(PINNED, v, never), Findings.FAIRNESS));
    }

    @Test
    void theLabComparesTheActiveClientsAtTheSameIdleCount() {
        DemoResult r = of(PINNED, lab(Mode.VIRTUAL, 19_750, 50, 1.2, 4_200, 23), lab(Mode.PLATFORM, 19_750, 50, 3.4, 72_000, 19_815));
        assertEquals("With 19,750 idle connections, the 50 active clients' p99: virtual threads 1.2 ms, platform threads 3.4 ms "
                + "(2.8 ×); server resident memory 139 MiB (virtual) and 1.4 GiB (platform); OS threads 23 (virtual) and 19,815 "
                + "(platform).", Findings.of(r, Findings.LAB));
        DemoResult faster = of(PINNED, lab(Mode.VIRTUAL, 100, 50, 3, 4_200, 23), lab(Mode.PLATFORM, 100, 50, 1, 72_000, 165));
        assertTrue(Findings.of(faster, Findings.LAB).contains("p99: platform threads answered faster: 1 ms, virtual threads 3 ms (3 ×)"));
        List<Step> steps = new ArrayList<>(List.of(lab(Mode.VIRTUAL, 19_750, 50, 1.2, 4_200, 23)));
        steps.add(new Step(Scenario.LAB, Mode.PLATFORM, 50, 19_750, null, "vm.max_map_count 65,530 reached", 0, null, null, 0, 0, 0, 0,
                null, null, null, null, null, null, null, null));
        assertEquals("With 19,750 idle connections, the 50 active clients' p99 with virtual threads: 1.2 ms; the other mode has no "
                + "lab step to compare. Platform threads stopped in the lab scenario at 19,800 connections: vm.max_map_count 65,530 "
                + "reached.", Findings.of(DemoSamples.result(PINNED, null, steps, true), Findings.LAB));
    }

    @Test
    void figuresAreRoundedForReading() {
        assertEquals("1.9", Findings.sig(1.94));
        assertEquals("0.004", Findings.sig(0.004));
        assertEquals("17", Findings.sig(17.3));
        assertEquals("19,815", Findings.sig(19_815));
        assertEquals("52,300", Findings.grouped3(52_341));
        assertEquals("4.1 KiB", Findings.bytes(4_200));
        assertEquals("812 B", Findings.bytes(812));
        assertEquals("1.2 ms", Findings.millis(1.234));
        assertEquals("1.5 s", Findings.millis(1_500));
    }
}
