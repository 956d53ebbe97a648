package loomlab.load.demo;

import loomlab.config.Mode;

/**
 * One step of the demo: one mode's server, in a process of its own, under one load. Figures the
 * step could not measure are null (a skipped step, a server that stopped, no /proc).
 *
 * @param scenario           rising load, or a lab's idle and active clients
 * @param clients            active clients (every client of a ladder step)
 * @param idle               idle connections held during the step (lab); 0 on the ladder
 * @param skipped            why the step did not run; null when it ran
 * @param stopped            why this mode could go no further (a limit named); null when it did not stop
 * @param answersPerSecond   answers in the measured window per second
 * @param p50Ms              median latency of the active clients
 * @param p99Ms              99th percentile; null when nothing was measured
 * @param answers            answers in the window
 * @param errors             failed requests and connects, and wrong answers, over the whole step
 * @param clientsConnected   active clients that got a connection
 * @param clientsServed      active clients with at least one answer in the window
 * @param fairness           answers per active client in the window
 * @param allAnsweredSeconds from the first connect until every client had its first answer
 *                           (the connect storm); null when some never got one
 * @param serverPid          the server process of this step
 * @param serverCpuMicrosPerAnswer the server's CPU time (user + system) in the window per answer
 * @param serverCpuShare     the server's CPU time in the window, in cores (1.0 = one core busy)
 * @param serverThreads      OS threads of the server process at full load
 * @param serverConnections  connections the server held at full load (active + idle)
 * @param memory             memory per connection, measured from outside the server
 */
public record Step(
        Scenario scenario,
        Mode mode,
        int clients,
        int idle,
        String skipped,
        String stopped,
        double answersPerSecond,
        Double p50Ms,
        Double p99Ms,
        long answers,
        long errors,
        long clientsConnected,
        long clientsServed,
        Fairness fairness,
        Double allAnsweredSeconds,
        Long serverPid,
        Double serverCpuMicrosPerAnswer,
        Double serverCpuShare,
        Integer serverThreads,
        Long serverConnections,
        MemoryCost memory) {

    static Step skipped(Scenario scenario, Mode mode, int clients, int idle, String why) {
        return new Step(scenario, mode, clients, idle, why, null, 0, null, null, 0, 0, 0, 0, null, null, null, null, null,
                null, null, null);
    }

    public boolean ran() {
        return skipped == null;
    }

    /** Share of the active clients that got any answer, in percent. */
    public double servedPercent() {
        return clients == 0 ? 0 : 100.0 * clientsServed / clients;
    }

    /** Connections the step asked the server to hold. */
    public int connections() {
        return clients + idle;
    }
}
