package loomlab.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import loomlab.net.LookupException;
import loomlab.net.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab dns NAME|IP}: the lecture's {@code dns.py} ({@code socket.gethostbyaddr}). */
@Command(name = "dns", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Forward and reverse lookups, as dns.py.",
                "Look a host up as dns.py does with socket.gethostbyaddr: its canonical name, aliases and "
                + "addresses. A name is looked up forward (its addresses) and its first address backward (the "
                + "canonical name); an IP address is looked up backward."},
        footer = {"", "Java's resolver returns no alias list (gethostbyaddr's h_aliases): the command",
                  "says so instead of printing an empty list.",
                  "Exit codes: 0 ok, 2 unknown host, no name for the address, or timeout.",
                  "Docs: docs/address-tools.md."})
public final class DnsCommand implements Callable<Integer> {

    static final String NO_ALIASES = "(not available: Java's resolver returns no alias list, unlike gethostbyaddr)";

    @Parameters(paramLabel = "NAME|IP", description = "A host name (localhost) or an IPv4/IPv6 address (127.0.0.1).")
    String host;

    @Mixin LookupTimeout lookup = new LookupTimeout();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            InetAddress literal = Resolver.literal(host);
            List<InetAddress> addresses = literal != null
                    ? List.of(literal)
                    : Arrays.asList(Resolver.addresses(host, lookup.timeout));
            String canonical;
            try {
                canonical = Resolver.reverse(addresses.get(0), lookup.timeout);
            } catch (LookupException e) {
                if (literal != null) throw e; // for an address, the name is the whole answer
                canonical = "(none: " + e.getMessage() + ")"; // the forward lookup still answered
            }
            // The lecture's dns.py prints "<arg>:  <value>" three times: name, aliases, addresses.
            out.println(host + ":  canonical name: " + canonical);
            out.println(host + ":  aliases: " + NO_ALIASES);
            out.println(host + ":  addresses: " + String.join(" ", addresses.stream().map(Resolver::text).toList()));
            return ExitCodes.OK;
        } catch (LookupException e) {
            err.println("ERROR: " + e.getMessage());
            return ExitCodes.SYSTEM;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
