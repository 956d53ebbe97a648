package loomlab.cli;

import java.io.PrintWriter;
import loomlab.client.BadReplyException;
import loomlab.client.ClientException;
import picocli.CommandLine.Model.CommandSpec;

/** How every client ends: its exit code, or one line on stderr and exit 2 or 4. */
final class ClientOutcome {

    /** The work of one client command; returns the exit code. */
    interface Body {
        int run(PrintWriter out) throws ClientException, BadReplyException;
    }

    private ClientOutcome() { }

    static int run(CommandSpec spec, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run(out);
        } catch (ClientException e) {
            err.println("loomlab: " + e.getMessage()); // could not talk to the server
            return ExitCodes.SYSTEM;
        } catch (BadReplyException e) {
            err.println("loomlab: " + e.getMessage()); // the server answered wrongly
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
