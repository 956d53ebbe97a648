package loomlab.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Host names and literals from the config into socket addresses. */
final class Endpoints {

    private Endpoints() { }

    static InetSocketAddress resolve(String host, int port) throws IOException {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host '" + host + "'");
        }
    }
}
