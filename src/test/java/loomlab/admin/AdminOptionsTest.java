package loomlab.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import loomlab.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The command-line side of the admin endpoint and the stats line. */
class AdminOptionsTest {

    @Test
    void adminPortTurnsTheEndpointOnAndStatsIntervalSetsTheLine() {
        CliRun run = CliRun.of("--admin-port", "0", "--stats-interval", "10s", "--print-config");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().matches("(?s).*\"admin\" : \\{\\s*\"enabled\" : true,\\s*\"host\" : \"127.0.0.1\",\\s*\"port\" : 0\\s*}.*"), run.out());
        assertTrue(run.out().contains("\"statsInterval\" : \"10s\""), run.out());
        assertTrue(run.out().matches("(?s).*\"pinning\" : \\{\\s*\"enabled\" : true,\\s*\"threshold\" : \"20ms\"\\s*}.*"), run.out());
        assertTrue(run.out().contains("\"reservedFds\" : 64"), run.out());
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheOption() {
        CliRun port = CliRun.of("--admin-port", "70000");
        assertEquals(1, port.exit(), port.toString());
        assertTrue(port.err().contains("--admin-port 70000 is out of range 0-65535"), port.err());
        CliRun interval = CliRun.of("--stats-interval", "soon");
        assertEquals(1, interval.exit(), interval.toString());
        assertTrue(interval.err().contains("'--stats-interval': 'soon' is not a duration"), interval.err());
    }
}
