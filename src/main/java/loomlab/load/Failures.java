package loomlab.load;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Sorts the exceptions of a failed connect or request into the kinds the report counts. */
final class Failures {

    private Failures() { }

    static ErrorKind ofConnect(IOException e) {
        String m = message(e);
        if (m.contains("too many open files")) return ErrorKind.OUT_OF_FILES;
        if (e instanceof SocketTimeoutException) return ErrorKind.CONNECT_TIMEOUT;
        // EADDRNOTAVAIL: every ephemeral port of the source address is in use.
        if (e instanceof BindException || m.contains("cannot assign requested address")) return ErrorKind.NO_LOCAL_PORT;
        if (e instanceof ConnectException && m.contains("refused")) return ErrorKind.CONNECT_REFUSED;
        if (e instanceof ConnectException && m.contains("timed out")) return ErrorKind.CONNECT_TIMEOUT;
        return ErrorKind.CONNECT_OTHER; // no route to host, network unreachable, ...
    }

    static ErrorKind ofRequest(IOException e) {
        String m = message(e);
        if (e instanceof SocketTimeoutException) return ErrorKind.READ_TIMEOUT;
        if (e instanceof PortUnreachableException) return ErrorKind.PORT_UNREACHABLE;
        if (e instanceof EOFException) return ErrorKind.CLOSED;
        if (m.contains("reset") || m.contains("broken pipe")) return ErrorKind.RESET;
        if (m.contains("too many open files")) return ErrorKind.OUT_OF_FILES;
        return ErrorKind.IO_OTHER;
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
