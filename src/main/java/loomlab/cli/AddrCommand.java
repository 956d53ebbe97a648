package loomlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import loomlab.net.AddressReport;
import loomlab.net.IpAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loomlab addr IP...}: the lecture's {@code ip_address.py}. */
@Command(name = "addr", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Describe IP addresses, as ip_address.py.",
                "Describe IPv4/IPv6 addresses as ip_address.py does with Python's ipaddress module: "
                + "version, is private / global / loopback / multicast / link-local / unspecified / reserved, "
                + "packed form in hex, integer value, and the IANA special-purpose block that explains the "
                + "flags. Only literals: no name is looked up (see 'dns' for that)."},
        footer = {"", "Examples: loomlab addr 176.58.10.138 10.0.0.1 ::1 2001:db8::1 fe80::1 224.0.0.1",
                  "Exit codes: 0 ok, 1 an argument is not an IP address.", "Docs: docs/address-tools.md."})
public final class AddrCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IP", description = "IPv4 or IPv6 address literals, e.g. 176.58.10.138 or ::1.")
    List<String> addresses;

    @Option(names = "--json", description = "One JSON object per address and line (fields named as Python's attributes).")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (String text : addresses) {
            IpAddress address;
            try {
                address = IpAddress.parse(text);
            } catch (IllegalArgumentException e) {
                err.println("ERROR: " + e.getMessage());
                exit = ExitCodes.USAGE;
                continue;
            }
            if (json) {
                out.println(AddressReport.json(address));
            } else {
                AddressReport.lines(address).forEach(out::println);
                out.println(); // ip_address.py ends each address with print()
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
