package loomlab.net;

/** A name or address lookup that failed (unknown host, no reverse entry, timeout): the message says which. */
public final class LookupException extends Exception {
    private static final long serialVersionUID = 1L;

    public LookupException(String message) {
        super(message, null, false, false);
    }
}
