package loomlab.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether progress goes to a person at a terminal (one rewritten line) or to a file or pipe (plain lines). */
public final class Terminal {

    private Terminal() { }

    /** True when stderr, where progress goes, is a terminal. */
    public static boolean interactive() {
        return isTerminal(2);
    }

    /** True when stdout is a terminal (for colours in a report). */
    public static boolean stdoutInteractive() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        if (System.console() == null) return false;
        // JDK 22 to 24 give a Console even when the output is redirected. On Linux, where the fd
        // really goes says it (no reflection on Console.isTerminal(), which --release 21 lacks and
        // a native image would need metadata for).
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // not Linux: a console exists, trust it
        }
    }
}
