package loomlab.server;

/** A service could not start (port in use, unknown host, no permission); names the service. */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
