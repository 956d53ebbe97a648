package loomlab.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import loomlab.net.LookupException;
import loomlab.net.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code loomlab hostname}: the lecture's {@code gethostname.py}. */
@Command(name = "hostname", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"This machine's name and addresses, as gethostname.py.",
                "Print this machine's host name and the addresses it resolves to, one 'name: address' line "
                + "each, as gethostname.py (which prints only the first IPv4 address)."},
        footer = {"", "Exit codes: 0 ok, 2 the name does not resolve or the lookup timed out.",
                  "Docs: docs/address-tools.md."})
public final class HostnameCommand implements Callable<Integer> {

    @Mixin LookupTimeout lookup = new LookupTimeout();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String name = Resolver.localHost(lookup.timeout).getHostName();
            for (InetAddress a : Resolver.addresses(name, lookup.timeout)) {
                out.println(name + ": " + Resolver.text(a));
            }
            return ExitCodes.OK;
        } catch (LookupException e) {
            err.println("ERROR: this machine's name does not resolve: " + e.getMessage()
                    + " (add it to /etc/hosts, e.g. '127.0.1.1 <name>')");
            return ExitCodes.SYSTEM;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
