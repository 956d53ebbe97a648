package loomlab.load;

/** Why a connection or a request failed; the report counts each kind separately. */
public enum ErrorKind {
    CONNECT_REFUSED("connect-refused", true, "nothing listens there (wrong port, or the server is not running)"),
    CONNECT_TIMEOUT("connect-timeout", true, "no answer to the connection request in time (backlog full, or a firewall)"),
    NO_LOCAL_PORT("no-local-port", true, "no free local port for this source address: spread clients with --bind"),
    OUT_OF_FILES("out-of-files", true, "this process ran out of file descriptors: raise ulimit -n or use fewer clients"),
    CONNECT_OTHER("connect-other", true, "the connection could not be opened"),
    READ_TIMEOUT("read-timeout", false, "no (complete) answer within the read timeout"),
    CLOSED("closed-by-server", false, "the server closed the connection before the answer was complete"),
    RESET("reset", false, "the server reset the connection"),
    SERVER_ERROR("server-error", false, "the server answered ERROR (it rejected the request)"),
    LOST("lost", false, "no UDP reply within the read timeout (datagram or reply lost)"),
    PORT_UNREACHABLE("port-unreachable", false, "nothing listens on that UDP port (ICMP port unreachable)"),
    IO_OTHER("io-other", false, "another I/O error");

    private final String label;
    private final boolean connect;
    private final String meaning;

    ErrorKind(String label, boolean connect, String meaning) {
        this.label = label;
        this.connect = connect;
        this.meaning = meaning;
    }

    /** The name in reports and JSON: "read-timeout". */
    public String label() {
        return label;
    }

    /** True for failures to open a connection (reported as connect failures, not request errors). */
    public boolean connect() {
        return connect;
    }

    /** One line for the report: what this usually means and what to do. */
    public String meaning() {
        return meaning;
    }
}
