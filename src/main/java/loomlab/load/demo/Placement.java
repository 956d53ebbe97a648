package loomlab.load.demo;

import java.util.List;

/**
 * Which cores the servers and the load generator run on. Pinned, every mode's server gets exactly
 * the same CPU and none can take the load generator's share: throughput then compares what the
 * modes do with one CPU, not which process the kernel favours.
 *
 * @param serverCores cores of every server process; empty = not pinned
 * @param loadCores   cores of the load generator (this process); empty = not pinned
 * @param why         when not pinned: why not (the report says the throughput is then not a fair comparison)
 */
public record Placement(List<Integer> serverCores, List<Integer> loadCores, String why) {

    public Placement {
        serverCores = List.copyOf(serverCores);
        loadCores = List.copyOf(loadCores);
    }

    public boolean pinned() {
        return !serverCores.isEmpty();
    }

    static Placement unpinned(String why) {
        return new Placement(List.of(), List.of(), why);
    }
}
