package loomlab.load.demo;

/** What a step puts on the server. */
public enum Scenario {
    /** Every client sends as fast as it is answered: the rising client counts. */
    LADDER("rising load", "every client sends its next request as soon as the answer is in"),
    /** A lab: many connected students who are thinking (idle) and a few who are typing (active). */
    LAB("a lab", "thousands of idle connections (students connected and thinking) and a few active clients");

    private final String title;
    private final String description;

    Scenario(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** As in results.json: "ladder", "lab". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
