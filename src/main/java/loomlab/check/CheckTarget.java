package loomlab.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The server under check and the bounds of every wait: {@code timeout} is the most any one
 * exchange waits for the server, {@code pause} the gap between the pieces of a fragmented request
 * (long enough for each piece to arrive on its own, as from a slow client).
 */
public record CheckTarget(String host, InetAddress address, int port, Duration connectTimeout, Duration timeout,
                          Duration pause) {

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** "127.0.0.1 port 10009", the lecture's wording. */
    public String where() {
        return host + " port " + port;
    }
}
