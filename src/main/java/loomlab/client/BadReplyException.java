package loomlab.client;

/**
 * The server answered, but not what the protocol or the arithmetic says it should (an echo that
 * differs, a wrong sum, a reply of the wrong size); commands exit 4 (request failed).
 */
public final class BadReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadReplyException(String message) {
        super(message, null, false, false);
    }
}
