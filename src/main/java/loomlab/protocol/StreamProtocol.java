package loomlab.protocol;

import java.io.IOException;
import java.time.Duration;

/**
 * A TCP protocol: serves one connection from its first byte to its end. Implementations are
 * stateless and shared by all connections of a service; per-connection state lives on the stack
 * of the thread that calls {@link #serve}.
 */
public interface StreamProtocol {

    /**
     * Serves one connection until the protocol is done or the peer closes. Returning normally means
     * the exchange ended as the protocol defines it; the caller closes the connection either way.
     */
    void serve(ByteStream stream) throws IOException;

    /**
     * The longest a whole request may take to arrive, which the transport enforces on a read that
     * waits past it ({@link ByteStream#limitReads}); zero when the protocol has none.
     */
    default Duration requestDeadline() {
        return Duration.ZERO;
    }
}
