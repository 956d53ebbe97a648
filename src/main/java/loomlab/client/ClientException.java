package loomlab.client;

/**
 * The exchange could not happen: unknown host, connection refused, timeout, the server closed
 * early. The message is one line a student can act on; commands exit 2 (system error).
 */
public final class ClientException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClientException(String message) {
        super(message, null, false, false);
    }
}
