package loomlab.load;

import java.util.List;

/**
 * A load report as {@code load merge} reads it back: where it came from, the result with its raw
 * window, and the workers it covers (one for a worker's own report, several for a merged one).
 */
public record WorkerReport(String source, LoadResult result, int totalClients, List<WorkerShare> workers) {

    public WorkerReport {
        workers = List.copyOf(workers);
        if (result.raw() == null) throw new IllegalArgumentException(source + ": has no raw window data");
    }
}
