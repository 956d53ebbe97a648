package loomlab.load.demo;

import java.util.ArrayList;
import java.util.List;
import loomlab.config.Mode;
import loomlab.load.FileBudget;
import loomlab.load.Numbers;
import loomlab.load.Workload;

/**
 * The steps of a demo: every client count for every mode, rising, modes side by side at each
 * count. Counts above what the open-file limit allows are clamped, and serial steps above
 * {@code serialMax} skipped; both are said in the notes.
 */
record DemoPlan(List<Planned> steps, List<String> notes) {

    record Planned(Mode mode, int clients, String skipped) { }

    static DemoPlan of(DemoSettings s) {
        List<String> notes = new ArrayList<>();
        int filesEach = s.inProcess() ? 2 : 1;
        int requested = s.clientCounts().get(s.clientCounts().size() - 1);
        FileBudget.Check check = FileBudget.check(requested, filesEach);
        List<Integer> counts = s.clientCounts();
        if (!check.enough()) {
            // Round down to hundreds: a figure people can quote, with room to spare.
            int fit = (int) Math.max(1, check.fitting() >= 200 ? check.fitting() / 100 * 100 : check.fitting());
            counts = s.clientCounts().stream().map(c -> Math.min(c, fit)).distinct().toList();
            notes.add("client counts above " + Numbers.grouped(fit) + " were clamped to " + Numbers.grouped(fit) + ": this process may open "
                    + Numbers.grouped(check.limit().soft()) + " files (ulimit -n) and "
                    + (s.inProcess() ? "every connection is two of them here (the client's and the server's end). "
                       + "Run the servers in their own processes (--target) or raise ulimit -n for more."
                       : "every client holds one. Raise ulimit -n for more."));
        }
        List<Planned> steps = new ArrayList<>();
        boolean serialNoted = false;
        for (int clients : counts) {
            for (Mode mode : s.modes()) {
                if (mode == Mode.SERIAL && clients > s.serialMax()) {
                    steps.add(new Planned(mode, clients, "skipped: a serial server serves one connection at a time, so with "
                            + Numbers.grouped(clients) + " clients " + waiting(s) + " (limit: --serial-max " + s.serialMax() + ")"));
                    if (!serialNoted) {
                        notes.add("serial steps above " + Numbers.grouped(s.serialMax()) + " clients were skipped: " + waiting(s)
                                + ", and the smaller steps already show it (raise --serial-max to see it anyway)");
                        serialNoted = true;
                    }
                } else {
                    steps.add(new Planned(mode, clients, null));
                }
            }
        }
        return new DemoPlan(List.copyOf(steps), List.copyOf(notes));
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
}
