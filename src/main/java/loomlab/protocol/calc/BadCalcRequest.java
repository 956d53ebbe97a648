package loomlab.protocol.calc;

/** A calc request the server rejects; the message is the reason sent back after "ERROR ". */
public final class BadCalcRequest extends Exception {
    private static final long serialVersionUID = 1L;

    public BadCalcRequest(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
