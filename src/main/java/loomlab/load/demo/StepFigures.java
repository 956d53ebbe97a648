package loomlab.load.demo;

import java.util.OptionalDouble;
import loomlab.load.LoadResult;

/**
 * Turns what a step observed (the load generator's result and the server process read from
 * outside) into the step's figures. Pure, so that every computation is tested on made-up numbers.
 */
final class StepFigures {

    /**
     * Below this an RSS delta is the JVM's own growth under load (JIT-compiled code, heap pages
     * touched for the first time), not the connections'. Measured here: a virtual-mode echo server
     * grew by 12.8 MiB with 100 clients and by 13.5 MiB with 1,000 (docs/scalability-demo.md).
     */
    static final long RSS_NOISE_MIN = 16L << 20;
    /** KernelStack and PageTables are machine-wide: other processes' threads come and go too (±3 MiB seen here). */
    static final long KERNEL_NOISE = 4L << 20;

    private StepFigures() { }

    /**
     * What was read from the server process around one step.
     *
     * @param baseline      the fresh server before any client connected
     * @param windowStart   when the measured window opened
     * @param atLoad        when it closed, every client still connected
     * @param kernelBefore  KernelStack + PageTables before the clients connected
     * @param kernelAtLoad  the same at full load
     * @param filesBefore   the server's open descriptors before
     * @param filesAtLoad   the same at full load
     */
    record Observed(ProcFiles.Sample baseline, ProcFiles.Sample windowStart, ProcFiles.Sample atLoad,
                    long kernelBefore, long kernelAtLoad, long filesBefore, long filesAtLoad) { }

    static long rssNoiseFloor(long rssBefore) {
        return Math.max(RSS_NOISE_MIN, rssBefore / 10);
    }

    static Step of(DemoPlan.Planned p, LoadResult r, Observed o, OptionalDouble allAnswered, long pid, String stopped,
                   long idleHeld, long idleFailed) {
        boolean measured = r.latency().measured();
        long answers = r.requests();
        Double cpuPerAnswer = null;
        Double cpuShare = null;
        Integer threads = null;
        Long connections = null;
        MemoryCost memory = null;
        if (o != null && o.windowStart() != null && o.atLoad() != null) {
            double cpu = o.atLoad().cpuSeconds() - o.windowStart().cpuSeconds();
            if (answers > 0) cpuPerAnswer = cpu * 1e6 / answers;
            if (r.windowSeconds() > 0) cpuShare = cpu / r.windowSeconds();
            threads = o.atLoad().threads();
            if (o.filesAtLoad() >= 0 && o.filesBefore() >= 0) connections = Math.max(0, o.filesAtLoad() - o.filesBefore());
            long held = connections != null ? connections : r.clientsConnected() + idleHeld;
            if (o.baseline() != null) {
                memory = new MemoryCost(held, o.baseline().rssBytes(), o.atLoad().rssBytes(), rssNoiseFloor(o.baseline().rssBytes()),
                        o.kernelBefore(), o.kernelAtLoad(), KERNEL_NOISE);
            }
        }
        long errors = r.requestErrors() + r.connectFailures() + r.mismatches() + idleFailed;
        return new Step(p.scenario(), p.mode(), p.clients(), p.idle(), null, stopped, r.requestsPerSecond(),
                measured ? r.latency().p50() : null, measured ? r.latency().p99() : null, answers, errors,
                r.clientsConnected(), r.clientsServed(), Fairness.of(r.perClient()),
                allAnswered.isPresent() ? allAnswered.getAsDouble() : null, pid, cpuPerAnswer, cpuShare, threads, connections, memory);
    }
}
