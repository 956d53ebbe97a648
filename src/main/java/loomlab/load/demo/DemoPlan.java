package loomlab.load.demo;

import java.util.ArrayList;
import java.util.List;
import loomlab.config.Mode;
import loomlab.load.Numbers;
import loomlab.load.Workload;

/**
 * The steps of a demo: every client count for every mode, rising, modes side by side at each
 * count, up to the largest count the machine allows; then the lab scenario per mode. Counts above
 * that are clamped, serial steps above {@code serialMax} skipped; both are said in the notes.
 */
record DemoPlan(List<Planned> steps, List<String> notes, int largest) {

    record Planned(Scenario scenario, Mode mode, int clients, int idle, String skipped) {
        int connections() {
            return clients + idle;
        }
    }

    static DemoPlan of(DemoSettings s, MachineLimits limits) {
        List<String> notes = new ArrayList<>();
        int largest = limits.largestClients();
        List<Integer> counts;
        if (s.clientCounts().isEmpty()) {
            counts = new ArrayList<>(DemoSettings.LADDER.stream().filter(c -> c < largest).toList());
            counts.add(largest);
        } else {
            counts = s.clientCounts().stream().map(c -> Math.min(c, largest)).distinct().toList();
            if (s.clientCounts().get(s.clientCounts().size() - 1) > largest) {
                notes.add("client counts above " + Numbers.grouped(largest) + " were clamped to " + Numbers.grouped(largest)
                        + ": the most this machine allows (see Limits)");
            }
        }
        List<Planned> steps = new ArrayList<>();
        boolean serialNoted = false;
        for (int clients : counts) {
            for (Mode mode : s.modes()) {
                if (mode == Mode.SERIAL && clients > s.serialMax()) {
                    steps.add(new Planned(Scenario.LADDER, mode, clients, 0, "skipped: a serial server serves one connection at a time, so with "
                            + Numbers.grouped(clients) + " clients " + waiting(s) + " (limit: --serial-max " + s.serialMax() + ")"));
                    if (!serialNoted) {
                        notes.add("serial steps above " + Numbers.grouped(s.serialMax()) + " clients were skipped: " + waiting(s)
                                + ", and the smaller steps already show it (raise --serial-max to see it anyway)");
                        serialNoted = true;
                    }
                } else {
                    steps.add(new Planned(Scenario.LADDER, mode, clients, 0, null));
                }
            }
        }
        if (s.labIdle() == null || s.labIdle() > 0) {
            int room = Math.max(0, largest - s.labActive());
            int idle = s.labIdle() == null ? room : Math.min(s.labIdle(), room);
            if (s.labIdle() != null && s.labIdle() > room) {
                notes.add("the lab's idle connections were clamped to " + Numbers.grouped(room) + ": with its "
                        + s.labActive() + " active clients that is the most this machine allows");
            }
            for (Mode mode : s.modes()) {
                steps.add(new Planned(Scenario.LAB, mode, s.labActive(), idle, mode == Mode.SERIAL
                        ? "skipped: a serial server serves one connection at a time; with idle students connected, "
                          + "the active ones would never be served"
                        : null));
            }
        }
        return new DemoPlan(List.copyOf(steps), List.copyOf(notes), largest);
    }

    /** What the other clients of a serial server do. */
    private static String waiting(DemoSettings s) {
        return s.workload() == Workload.ECHO
                ? "all but one would wait in the backlog until they time out"
                : "each request would wait behind every other client's";
    }

    long runnable() {
        return steps.stream().filter(p -> p.skipped() == null).count();
    }

    /** Seconds the steps will take, roughly: start and stop, connects, warm-up, window. */
    double estimatedSeconds(DemoSettings s) {
        double perStep = 3 + (s.warmup().toMillis() + s.step().toMillis()) / 1000.0;
        return steps.stream().filter(p -> p.skipped() == null).mapToDouble(p -> perStep + p.connections() / 5_000.0).sum();
    }
}
