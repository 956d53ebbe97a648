package loomlab.load;

/** Told once a second how a run is going, and once when it is over. */
public interface Progress {

    /**
     * @param phase             where the run is
     * @param phaseElapsed      seconds into the phase
     * @param phaseLength       seconds the phase lasts (0 when open-ended)
     * @param clientsUp         clients running with a connection (echo) or a socket
     * @param clients           clients in the run
     * @param requestsPerSecond answers in the last second
     * @param p99Millis         p99 of the last second; negative when nothing was measured
     * @param errors            errors and mismatches so far
     */
    record Snapshot(Phase phase, double phaseElapsed, double phaseLength, long clientsUp, int clients,
                    double requestsPerSecond, double p99Millis, long errors) { }

    void update(Snapshot snapshot);

    /** The run ended: a terminal line is closed here. */
    default void finished() { }

    Progress NONE = snapshot -> { };
}
