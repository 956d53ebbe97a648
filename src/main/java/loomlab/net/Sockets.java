package loomlab.net;

import java.net.InetSocketAddress;

/** What every user of a socket needs and should not write again: a best-effort close, an address as text. */
public final class Sockets {

    private Sockets() {
    }

    /** Closes, ignoring failure: used on sockets being abandoned, whose peer may already be gone. */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: nothing is left to do with this resource
        }
    }

    /** A host as it goes before ":port" or into a URL: an IPv6 literal in brackets ("[::1]"), else as is. */
    public static String bracketed(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** "127.0.0.1:7", "[::1]:7". */
    public static String hostPort(String host, int port) {
        return bracketed(host) + ":" + port;
    }

    /** The numeric address and port ("[::1]:7"), never a name lookup; "?" for none. */
    public static String describe(InetSocketAddress a) {
        if (a == null) return "?";
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return hostPort(host, a.getPort());
    }
}
