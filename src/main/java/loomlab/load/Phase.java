package loomlab.load;

/** Where a load run is: only requests answered while MEASURING count in the results. */
public enum Phase {
    RAMP_UP("ramp-up"),
    WARM_UP("warm-up"),
    MEASURING("measuring"),
    /** After the window: clients go on, nothing counts; the demo samples memory and threads here. */
    HOLDING("holding"),
    STOPPING("stopping");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
