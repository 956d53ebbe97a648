package loomlab.protocol.proxy;

import java.net.InetSocketAddress;

/**
 * What a PROXY protocol header said about a connection that a balancer relayed.
 *
 * @param version 1 (the text line) or 2 (the binary block)
 * @param source  the client's own address and port, or null when the header gives none (v2
 *                LOCAL, a balancer's health check; v1 UNKNOWN; a family this server does not use):
 *                then the connection's own endpoints stand, as the specification says
 * @param destination the address the client connected to (the balancer's), or null likewise
 * @param length  the header's length in bytes on the wire
 */
public record ProxyHeader(int version, InetSocketAddress source, InetSocketAddress destination, int length) {

    /** True when the header carries the client's address (a relayed connection). */
    public boolean relayed() {
        return source != null;
    }
}
