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

/** A made-up but plausible demo result, so that report tests need no demo run. */
final class DemoSamples {

    private DemoSamples() { }

    static DemoResult result(String note) {
        List<Step> steps = new ArrayList<>();
        int[] counts = {1, 10, 100, 1_000, 9_900};
        for (int clients : counts) {
            for (Mode mode : Mode.values()) {
                if (mode == Mode.SERIAL && clients > 100) {
                    steps.add(new Step(Scenario.LADDER, mode, clients, 0, "skipped: serial serves one client at a time", null, 0, null,
                            null, 0, 0, 0, 0, null, null, null, null, null, null, null, null));
                    continue;
                }
                boolean serial = mode == Mode.SERIAL;
                double rps = serial ? 15_000 : Math.min(60_000, 15_000.0 * clients);
                long served = serial ? 1 : clients;
                int threads = mode == Mode.PLATFORM ? 15 + clients : 15;
                double rss = mode == Mode.PLATFORM ? 55_000 : 11_000;
                long rssBefore = 80L << 20;
                steps.add(new Step(Scenario.LADDER, mode, clients, 0, null, null, rps, 0.05 * clients, 0.2 * clients + 0.1,
                        (long) rps * 5, serial ? clients - 1 : 0, clients, served, new Fairness(serial ? 0 : 10, 20, 30),
                        0.01 * clients, 1000L + clients, 20.0, 0.95, threads, served,
                        new MemoryCost(served, rssBefore, rssBefore + (long) (rss * served), 4L << 20, 3L << 20,
                                (3L << 20) + (mode == Mode.PLATFORM ? 20_000L * served : 0), 1L << 20)));
            }
        }
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", "2");
        machine.put("jdk", "25 (test)");
        machine.put("date", "2026-11-25T00:00:00Z");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("protocol", "echo");
        return new DemoResult("echo", machine, settings, new Placement(List.of(0), List.of(1), null), Map.of("largest count", "9,900"),
                note == null ? List.of() : List.of(note), steps, steps.size(), 123.4, true);
    }
}
