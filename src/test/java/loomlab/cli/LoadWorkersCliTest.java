package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of workers and merge: mistakes get one line and exit code 1 (2 for files). */
class LoadWorkersCliTest {

    @TempDir Path dir;

    @Test
    void workerOptionsThatDoNotFitAreNamed() {
        assertUsage(CliRun.of("load", "echo", "--workers", "3"),
                "--workers 3 needs --worker-index (or $JOB_COMPLETION_INDEX, as a Kubernetes Indexed Job sets it)");
        assertUsage(CliRun.of("load", "echo", "--worker-index", "1"), "--worker-index needs --workers (how many workers there are)");
        assertUsage(CliRun.of("load", "echo", "--workers", "2", "--worker-index", "2"),
                "--worker-index must be between 0 and 1 for --workers 2 (got 2)");
        assertUsage(CliRun.of("load", "echo", "--workers", "3", "--worker-index", "0", "--clients", "2"),
                "--clients 2 cannot be split between 3 workers: at least one client each");
        assertUsage(CliRun.of("load", "echo", "--start-at", "10:00"), "Invalid value for option '--start-at': '10:00' is not an ISO-8601"
                + " time with a zone, such as 2026-03-02T10:00:00Z or 2026-03-02T11:00:00+01:00");
        assertUsage(CliRun.of("load"), "Missing required parameter: 'WORKLOAD'");
    }

    @Test
    void mergeNamesTheFileItCannotUse() throws Exception {
        CliRun missing = CliRun.of("load", "merge", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.SYSTEM, missing.exit(), missing.toString());
        assertEquals("loomlab load merge: " + dir.resolve("nope.json") + ": no such file\n", missing.err());
        Path old = Files.writeString(dir.resolve("old.json"), "{\"workload\": \"echo\"}");
        CliRun bad = CliRun.of("load", "merge", old.toString());
        assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
        assertEquals("loomlab load merge: " + old + ": has no 'merge' section: not written by 'load --json' of this version\n", bad.err());
        assertUsage(CliRun.of("load", "merge"), "Missing required parameter: 'FILE'");
        CliRun help = CliRun.of("load", "merge", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: loomlab load merge"), help.out());
    }

    private static void assertUsage(CliRun run, String message) {
        assertEquals(ExitCodes.USAGE, run.exit(), run.toString());
        // One line: the message, then where help is.
        assertTrue(run.err().startsWith("loomlab: " + message + "; see '"), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
        assertTrue(!run.err().contains("Exception"), run.toString());
    }
}
