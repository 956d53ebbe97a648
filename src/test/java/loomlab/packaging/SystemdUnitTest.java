package loomlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loomlab.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/loomlab.service: what the lab VM runs. */
class SystemdUnitTest {

    static final Path UNIT = Path.of("packaging/loomlab.service");
    static final String PROGRAM = "/opt/loomlab/bin/loomlab";

    @Test
    void runsTheBinaryAsItsOwnUserWithTheConfigUnderEtc() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertTrue(lines.contains("ExecStart=" + PROGRAM + " --config /etc/loomlab/config.json"), "ExecStart");
        assertTrue(lines.contains("User=loomlab"), "dedicated user");
        assertTrue(lines.contains("Restart=on-failure"), "restart on failure");
        assertTrue(lines.contains("KillSignal=SIGTERM"), "graceful stop is SIGTERM");
        assertTrue(lines.contains("LimitNOFILE=65536"), "file descriptors for the demo's connections");
    }

    @Test
    void stopTimeoutLeavesRoomForTheGracePeriod() throws Exception {
        Duration grace = ConfigLoader.load(Path.of("packaging/config.json")).shutdownGrace();
        long timeoutSec = Files.readAllLines(UNIT).stream().filter(l -> l.startsWith("TimeoutStopSec="))
                .mapToLong(l -> Long.parseLong(l.substring("TimeoutStopSec=".length()))).findFirst().orElseThrow();
        // systemd's SIGKILL must not cut the grace period: a few seconds more for the JVM to exit.
        assertTrue(timeoutSec >= grace.toSeconds() + 5, "TimeoutStopSec=" + timeoutSec + " vs grace " + grace);
    }

    /**
     * systemd-analyze verify, where the machine has it. It also checks that ExecStart's program
     * exists, which on a build machine it does not: a stand-in takes its place, every other line
     * is verified as shipped. Verify exits 0 on unknown keys and bad values, only printing them,
     * so any line about the unit fails the test.
     */
    @Test
    void systemdAnalyzeVerifyFindsNothing(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
        Path standIn = dir.resolve("loomlab");
        Files.writeString(standIn, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertVerifies(Files.readString(UNIT), PROGRAM, standIn, dir);
    }

    /** systemd-analyze verify on a unit whose ExecStart runs {@code program}, run from {@code standIn} instead. */
    static void assertVerifies(String unit, String program, Path standIn, Path dir) throws Exception {
        String execStart = "ExecStart=" + program + " ";
        assertEquals(1, unit.split(execStart, -1).length - 1, "one ExecStart running " + program);
        Path copy = dir.resolve("loomlab.service");
        Files.writeString(copy, unit.replace(execStart, "ExecStart=" + standIn + " "));

        Process p = new ProcessBuilder("systemd-analyze", "verify", copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
        List<String> aboutUs = out.lines().filter(l -> l.contains("loomlab")).toList();
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of(), aboutUs);
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }
}
