package loomlab.load;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Local source addresses for many clients. A TCP connection is identified by (source address,
 * source port, destination address, destination port); with one source address and one server
 * port, a client machine runs out of source ports after the ephemeral range
 * (net.ipv4.ip_local_port_range, about 28,000 ports). On loopback every 127.x.y.z address is
 * local, so more clients simply use more source addresses.
 */
public final class SourceAddresses {

    /** More addresses than this in one --bind is a typing mistake, not a plan. */
    static final int MAX_ADDRESSES = 4096;
    /** Ports of the range that other programs may already hold: do not plan to use every one. */
    static final int PORT_SLACK = 500;

    private SourceAddresses() { }

    /** The addresses and what to tell the user about them. */
    public record Plan(List<InetAddress> addresses, String note) { }

    /**
     * Parses "127.0.0.2-127.0.0.9", "127.0.0.2,127.0.0.3", or a mix of ranges and addresses
     * (literals only: no name lookups).
     */
    public static List<InetAddress> parse(String text) {
        List<InetAddress> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String part = item.trim();
            if (part.isEmpty()) continue;
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(literal(part));
                continue;
            }
            InetAddress first = literal(part.substring(0, dash).trim());
            InetAddress last = literal(part.substring(dash + 1).trim());
            if (!(first instanceof Inet4Address) || !(last instanceof Inet4Address)) {
                throw new IllegalArgumentException("--bind: ranges are for IPv4 addresses only: '" + part + "'");
            }
            long from = value(first);
            long to = value(last);
            if (to < from) throw new IllegalArgumentException("--bind: the range '" + part + "' runs backwards");
            if (to - from + 1 + out.size() > MAX_ADDRESSES) {
                throw new IllegalArgumentException("--bind: more than " + MAX_ADDRESSES + " addresses");
            }
            for (long a = from; a <= to; a++) out.add(ipv4(a));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--bind: no address given");
        return List.copyOf(out);
    }

    /**
     * The addresses, when each is one of this machine's (any 127.x.y.z is): a client cannot send
     * from another machine's address, and binding to one fails for every client at once.
     */
    public static List<InetAddress> requireLocal(List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            boolean local;
            try {
                local = a.isLoopbackAddress() || a.isAnyLocalAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
            } catch (java.net.SocketException e) {
                local = false;
            }
            if (!local) {
                throw new IllegalArgumentException("--bind: " + a.getHostAddress() + " is not an address of this machine;"
                        + " give local source addresses (see 'ip addr'), e.g. 127.0.0.2-127.0.0.9 against loopback");
            }
        }
        return addresses;
    }

    /**
     * Decides the source addresses: the given ones, or, when the clients need more ports than one
     * address has and the target is IPv4 loopback, enough of 127.0.0.2, 127.0.0.3, ...
     *
     * @param portsPerAddress the size of the ephemeral port range
     */
    public static Plan plan(InetSocketAddress target, int clients, List<InetAddress> given, int portsPerAddress) {
        int perAddress = quickPorts(portsPerAddress);
        if (!given.isEmpty()) {
            long each = (clients + given.size() - 1L) / given.size();
            String note = each > perAddress
                    ? "warning: " + clients + " clients over " + given.size() + " source address(es) is up to " + each
                      + " each, more than the " + portsPerAddress + " ephemeral ports of one address; expect "
                      + "'no-local-port' errors: give more addresses to --bind"
                    : "";
            return new Plan(given, note);
        }
        if (clients <= perAddress) return new Plan(List.of(), "");
        int needed = (clients + perAddress - 1) / perAddress;
        if (!(target.getAddress() instanceof Inet4Address) || !target.getAddress().isLoopbackAddress()) {
            return new Plan(List.of(), "warning: " + clients + " clients need about " + needed + " source addresses ("
                    + portsPerAddress + " ephemeral ports each) and the target is not IPv4 loopback, so none were "
                    + "picked automatically: give local addresses with --bind, or expect 'no-local-port' errors");
        }
        List<InetAddress> picked = new ArrayList<>();
        for (int i = 0; i < needed; i++) picked.add(ipv4(0x7f000002L + i));
        return new Plan(List.copyOf(picked), clients + " clients are more than the " + Numbers.grouped(perAddress)
                + " one source address connects quickly (half its " + Numbers.grouped(portsPerAddress)
                + " ephemeral ports): spreading them over " + needed + " loopback addresses " + describe(picked)
                + " (choose with --bind)");
    }

    /**
     * Connections one source address makes without slowing down. Linux's connect() takes the even
     * ports of the range first (leaving the odd ones to bind()); once they are all in use, every
     * connect scans the whole half before it tries an odd port, and connects drop from thousands
     * to about a hundred a second (seen here at 14,100 connections of a 28,232-port range).
     */
    static int quickPorts(int portsPerAddress) {
        return Math.max(1, portsPerAddress / 2 - PORT_SLACK);
    }

    /** "127.0.0.2-127.0.0.9 (8 addresses)" for a run of consecutive addresses, else a list. */
    public static String describe(List<InetAddress> addresses) {
        if (addresses.isEmpty()) return "(chosen by the OS)";
        if (addresses.size() == 1) return addresses.get(0).getHostAddress();
        if (consecutive(addresses)) {
            return addresses.get(0).getHostAddress() + "-" + addresses.get(addresses.size() - 1).getHostAddress()
                    + " (" + addresses.size() + " addresses)";
        }
        List<String> shown = addresses.stream().limit(4).map(InetAddress::getHostAddress).toList();
        return String.join(",", shown) + (addresses.size() > 4 ? ",... (" + addresses.size() + " addresses)" : "");
    }

    private static boolean consecutive(List<InetAddress> addresses) {
        for (int i = 1; i < addresses.size(); i++) {
            if (!(addresses.get(i) instanceof Inet4Address) || !(addresses.get(i - 1) instanceof Inet4Address)) return false;
            if (value(addresses.get(i)) != value(addresses.get(i - 1)) + 1) return false;
        }
        return true;
    }

    private static long value(InetAddress ipv4) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(ipv4.getAddress()).getInt());
    }

    private static InetAddress literal(String text) {
        // A literal has only hex digits, dots and colons: then getByName never asks a DNS server.
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("--bind: '" + text + "' is not an IP address (write 127.0.0.2 or 127.0.0.2-127.0.0.9)");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: '" + text + "' is not an IP address");
        }
    }

    /** The IPv4 address with this value (0x7f000002 is 127.0.0.2). */
    public static InetAddress ipv4(long value) {
        try {
            return InetAddress.getByAddress(ByteBuffer.allocate(4).putInt((int) value).array());
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
