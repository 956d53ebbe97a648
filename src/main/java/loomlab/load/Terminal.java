package loomlab.load;

import java.io.Console;

/** Whether output goes to a person at a terminal (one rewritten line) or to a file or pipe (plain lines). */
public final class Terminal {

    private Terminal() { }

    public static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        // JDK 22+ may return a Console even when redirected; Console.isTerminal() (22+) tells.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
