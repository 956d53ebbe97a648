package loomlab.cli;

/** Exit codes of every loomlab command, as documented in docs/cli.md. */
public final class ExitCodes {
    /** Success (a server stopped by SIGINT/SIGTERM also exits 0). */
    public static final int OK = 0;
    /** Bad command line: unknown option, missing argument, bad value. */
    public static final int USAGE = 1;
    /** System error: port in use, connection refused, timeout, I/O failure. */
    public static final int SYSTEM = 2;
    /** The config file is missing, not JSON, or invalid. */
    public static final int CONFIG = 3;
    /** A request was answered with an error or a wrong result (clients, load, demo). */
    public static final int FAILED = 4;

    private ExitCodes() { }
}
