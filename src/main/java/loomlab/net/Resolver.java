package loomlab.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import loomlab.config.Durations;

/**
 * Name lookups that never hang: the system resolver has no timeout of its own in Java, so each
 * lookup runs on a virtual thread and the caller stops waiting after {@code timeout} (the thread is
 * left to finish on its own; it is a daemon). Literals never reach the resolver, and text that
 * cannot be a host name is refused before any DNS query is sent.
 */
public final class Resolver {

    /** Letters, digits, '-' and '_' in dot-separated labels of 1-63 characters; an optional final dot. */
    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,254}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
                    + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");

    private Resolver() { }

    /** The literal as an address, or null when {@code host} is not an IP literal. */
    public static InetAddress literal(String host) {
        try {
            return IpAddress.parse(host).toInetAddress();
        } catch (IllegalArgumentException | UnknownHostException notLiteral) {
            return null;
        }
    }

    /** An address as Python writes it: "127.0.0.1", "::1" (not Java's "0:0:0:0:0:0:0:1"). */
    public static String text(InetAddress address) {
        return IpAddress.of(address).toString();
    }

    /** All addresses of {@code host} (a literal gives itself, without a lookup). */
    public static InetAddress[] addresses(String host, Duration timeout) throws LookupException {
        InetAddress literal = literal(host);
        if (literal != null) return new InetAddress[] {literal};
        if (!HOST_NAME.matcher(host).matches()) {
            throw new LookupException("unknown host '" + host + "': not a valid host name or IP address");
        }
        return withTimeout("looking up '" + host + "'", timeout, () -> InetAddress.getAllByName(host), host);
    }

    /**
     * The name that a reverse lookup gives for {@code address}, checked by a forward lookup as Java
     * does; throws when there is none.
     */
    public static String reverse(InetAddress address, Duration timeout) throws LookupException {
        String literal = text(address);
        String name = withTimeout("looking up the name of " + literal, timeout, address::getCanonicalHostName, literal);
        // Java answers the literal itself when no name was found (or the name does not map back).
        if (name.equals(address.getHostAddress())) {
            throw new LookupException("unknown host " + literal + ": no name found for this address (reverse lookup)");
        }
        return name;
    }

    /** This machine's name and its addresses, as {@code socket.gethostname()} + lookup. */
    public static InetAddress localHost(Duration timeout) throws LookupException {
        return withTimeout("looking up this machine's name", timeout, InetAddress::getLocalHost, null);
    }

    /**
     * Runs one blocking lookup, waiting at most {@code timeout} for it. {@code host} names what is
     * looked up in the error; null for this machine, whose name the JDK puts in its message.
     */
    static <T> T withTimeout(String what, Duration timeout, Callable<T> lookup, String host) throws LookupException {
        FutureTask<T> task = new FutureTask<>(lookup);
        Thread.ofVirtual().name("lookup").start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new LookupException("timed out after " + Durations.format(timeout) + " " + what
                    + " (is the DNS server reachable? see /etc/resolv.conf)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException u) {
                String m = u.getMessage() == null ? "" : u.getMessage();
                String name = host != null ? host : m.indexOf(':') > 0 ? m.substring(0, m.indexOf(':')) : "(this machine)";
                throw new LookupException("unknown host " + quoted(name) + ": " + resolverReason(m, name));
            }
            throw new LookupException(what + " failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupException(what + " was interrupted");
        }
    }

    private static String quoted(String host) {
        return host.startsWith("(") ? host : "'" + host + "'";
    }

    /** The JDK says "name: name: Name or service not known"; keep the resolver's own words. */
    private static String resolverReason(String m, String host) {
        if (m.isBlank()) return "the resolver does not know it";
        int colon = m.lastIndexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m.equals(host) ? "the resolver does not know it" : m;
    }
}
