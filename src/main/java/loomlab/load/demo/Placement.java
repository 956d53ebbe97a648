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

    /**
     * Splits the cores this process may use: the first half (at least one) for the servers, the
     * rest for the load generator, which needs as much CPU as the server it drives.
     *
     * @param allowed  cores this process may use
     * @param taskset  whether taskset can pin processes here
     * @param wanted   false when the user asked for no pinning (--no-pin)
     */
    static Placement plan(List<Integer> allowed, boolean taskset, boolean wanted) {
        if (!wanted) return unpinned("pinning was turned off (--no-pin)");
        if (allowed.size() < 2) {
            return unpinned(allowed.isEmpty() ? "this system does not say which cores a process may use (no /proc)"
                    : "this process may use one core only, so servers and load generator share it");
        }
        if (!taskset) return unpinned("taskset (util-linux) is not installed, so processes cannot be pinned to cores");
        int servers = allowed.size() / 2;
        return new Placement(allowed.subList(0, servers), allowed.subList(servers, allowed.size()), null);
    }
}
