package loomlab.load.demo;

import loomlab.config.Mode;

/**
 * One step of the demo, run or skipped. Server figures are null when not measured (external
 * servers, or a skipped step).
 *
 * @param skipped           why the step did not run; null when it ran
 * @param requestsPerSecond answers per second in the window
 * @param p50Ms             median latency (answers, and timeouts at the time they waited)
 * @param p99Ms             99th percentile; null when nothing was measured
 * @param errors            failed requests and connects, and mismatches
 * @param clientsServed     clients with at least one answer in the window
 * @param threads           live platform threads of the process at full load
 * @param threadsPeak       most platform threads at once during the step
 * @param serverConnections connections the server held at full load
 * @param heapPerClient     heap growth per connected client, bytes (after a GC)
 * @param rssPerClient      resident memory growth per connected client, bytes
 */
public record Step(
        Mode mode,
        int clients,
        String skipped,
        double requestsPerSecond,
        Double p50Ms,
        Double p99Ms,
        long requests,
        long errors,
        long clientsConnected,
        long clientsServed,
        Integer threads,
        Integer threadsPeak,
        Long serverConnections,
        Double heapPerClient,
        Double rssPerClient) {

    static Step skipped(Mode mode, int clients, String why) {
        return new Step(mode, clients, why, 0, null, null, 0, 0, 0, 0, null, null, null, null, null);
    }

    public boolean ran() {
        return skipped == null;
    }

    /** Share of the clients that got any answer, in percent. */
    public double servedPercent() {
        return clients == 0 ? 0 : 100.0 * clientsServed / clients;
    }
}
