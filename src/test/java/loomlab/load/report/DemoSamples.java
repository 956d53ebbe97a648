package loomlab.load.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loomlab.config.Mode;
import loomlab.load.demo.DemoResult;
import loomlab.load.demo.Fairness;
import loomlab.load.demo.MemoryCost;
import loomlab.load.demo.Placement;
import loomlab.load.demo.Scenario;
import loomlab.load.demo.Step;

/**
 * Made-up but plausible demo results, so that report tests need no demo run: a ladder to 19,800
 * clients where platform threads stop at the last count, serial skipped above 100, memory within
 * noise at the smallest counts, and a lab of 9,950 idle connections with 50 active clients.
 */
final class DemoSamples {

    static final String STOPPED = "could not start thread 16,311: kernel.pid_max is 32,768 for all processes together";
    static final String SKIPPED = "skipped: serial serves one client at a time";
    static final long RSS_BEFORE = 60L << 20;
    static final long RSS_NOISE = 2L << 20;
    static final long KERNEL_BEFORE = 30L << 20;
    static final long KERNEL_NOISE = 1L << 20;

    private DemoSamples() { }

    static DemoResult result(String note) {
        List<Step> steps = new ArrayList<>();
        for (int clients : new int[] {1, 10, 100, 1_000, 9_900, 19_800}) {
            for (Mode mode : List.of(Mode.SERIAL, Mode.PLATFORM, Mode.VIRTUAL)) {
                if (mode == Mode.SERIAL && clients > 100) {
                    steps.add(skipped(mode, clients, SKIPPED));
                } else if (mode == Mode.PLATFORM && clients == 19_800) {
                    steps.add(stopped(mode, clients, STOPPED));
                } else if (mode == Mode.SERIAL) {
                    steps.add(ladder(mode, clients, 15_000, 30, 0, 0, 15, 0.2 * clients + 0.1, clients == 1 ? 0.01 : null, 1));
                } else {
                    boolean platform = mode == Mode.PLATFORM;
                    steps.add(ladder(mode, clients, platform ? Math.min(28_000, 15_000.0 * clients) : Math.min(52_000, 15_000.0 * clients),
                            platform ? 35 : 18, platform ? 71_000 : 4_200, platform ? 18_000 : 100,
                            platform ? 15 + clients : 23, (platform ? 0.12 : 0.06) * clients + 0.1,
                            (platform ? 0.0003 : 0.0001) * clients + 0.01, clients));
                }
            }
        }
        steps.add(lab(Mode.PLATFORM, 9_950, 50, 3.4, 71_000, 9_950 + 50 + 15));
        steps.add(lab(Mode.VIRTUAL, 9_950, 50, 1.2, 4_200, 23));
        return result(new Placement(List.of(0), List.of(1), null), note, steps, true);
    }

    static DemoResult result(Placement placement, String note, List<Step> steps, boolean finished) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", "2");
        machine.put("jdk", "25 (test)");
        machine.put("date", "2026-11-25T00:00:00Z");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("protocol", "echo");
        return new DemoResult("echo", machine, settings, placement, Map.of("largest count", "19,800"),
                note == null ? List.of() : List.of(note), steps, 23, 123.4, finished);
    }

    /**
     * A ladder step that ran: memory per connection below the noise floor for fewer than 1,000
     * clients (as a real JVM's would be); {@code allAnswered} null = some client never answered.
     */
    static Step ladder(Mode mode, int clients, double rps, double cpuMicros, double rssPerConnection, double kernelPerConnection,
                       int threads, double p99, Double allAnswered, long served) {
        long held = served;
        long rssDelta = clients < 1_000 ? RSS_NOISE / 2 : (long) (rssPerConnection * held);
        long kernelDelta = clients < 1_000 ? 0 : (long) (kernelPerConnection * held);
        return new Step(Scenario.LADDER, mode, clients, 0, null, null, rps, p99 / 4, p99, (long) rps * 5, served < clients ? clients - served : 0,
                clients, served, new Fairness(served < clients ? 0 : 10, 20, 30), allAnswered, 1000L + clients + mode.ordinal(),
                cpuMicros, 0.95, threads, held,
                new MemoryCost(held, RSS_BEFORE, RSS_BEFORE + rssDelta, RSS_NOISE, KERNEL_BEFORE, KERNEL_BEFORE + kernelDelta, KERNEL_NOISE));
    }

    static Step lab(Mode mode, int idle, int active, double p99, double rssPerConnection, int threads) {
        int held = idle + active;
        return new Step(Scenario.LAB, mode, active, idle, null, null, 5_000, p99 / 3, p99, 50_000, 0, active, active,
                new Fairness(90, 100, 110), 0.5, 2000L + mode.ordinal(), 25.0, 0.2, threads, (long) held,
                new MemoryCost(held, RSS_BEFORE, RSS_BEFORE + (long) (rssPerConnection * held), RSS_NOISE, KERNEL_BEFORE,
                        KERNEL_BEFORE + (mode == Mode.PLATFORM ? 18_000L * held : 0), KERNEL_NOISE));
    }

    static Step skipped(Mode mode, int clients, String why) {
        return new Step(Scenario.LADDER, mode, clients, 0, why, null, 0, null, null, 0, 0, 0, 0, null, null, null, null, null, null,
                null, null);
    }

    /** A step where the mode could go no further: some figures of the attempt, the reason. */
    static Step stopped(Mode mode, int clients, String why) {
        return new Step(Scenario.LADDER, mode, clients, 0, null, why, 0, null, null, 0, clients - 16_300, 16_300, 0, null, null,
                3000L, null, null, 16_311, 16_300L, null);
    }
}
