package loomlab.load;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One load worker's part of a run spread over several workers (processes, machines, pods of a
 * Kubernetes Indexed Job): worker {@code index} of {@code workers} runs its share of the
 * {@code totalClients}, and its share of the source addresses, so that the workers together run
 * what one {@code load} with the same options would.
 *
 * @param host the machine the worker ran on, to tell the reports apart
 */
public record WorkerShare(String host, int index, int workers, int totalClients) {

    /** The environment variable in which a Kubernetes Indexed Job gives each pod its index. */
    public static final String JOB_INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    public WorkerShare {
        if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1 (got " + workers + ")");
        if (index < 0 || index >= workers) {
            throw new IllegalArgumentException("--worker-index must be between 0 and " + (workers - 1) + " for --workers "
                    + workers + " (got " + index + ")");
        }
        if (totalClients < workers) {
            throw new IllegalArgumentException("--clients " + totalClients + " cannot be split between " + workers
                    + " workers: at least one client each");
        }
    }

    /** A run on its own. */
    public static WorkerShare alone(int clients) {
        return new WorkerShare(localHost(), 0, 1, clients);
    }

    /** This worker's clients: an equal share, the first {@code totalClients % workers} workers one more. */
    public int clients() {
        return totalClients / workers + (index < totalClients % workers ? 1 : 0);
    }

    /**
     * This worker's source addresses: every {@code workers}-th of the list, starting at its index,
     * when there are at least as many as workers (workers on one machine then never share a
     * source port range); otherwise all of them (workers on different machines, each with its own).
     */
    public List<InetAddress> sources(List<InetAddress> all) {
        if (all.size() < workers) return all;
        List<InetAddress> mine = new ArrayList<>();
        for (int i = index; i < all.size(); i += workers) mine.add(all.get(i));
        return List.copyOf(mine);
    }

    public boolean split() {
        return workers > 1;
    }

    /** "worker 2 of 3 on lab-pc-07" */
    public String describe() {
        return "worker " + index + " of " + workers + " on " + host;
    }

    /** The machine's name without a name lookup: $HOSTNAME, else the kernel's, else "unknown". */
    public static String localHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.trim();
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
            if (!kernel.isEmpty()) return kernel;
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "unknown";
    }
}
