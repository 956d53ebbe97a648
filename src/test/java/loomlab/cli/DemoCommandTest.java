package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny demo runs: a few clients, short steps. The report's looks are DemoReportBrowserTest's. */
class DemoCommandTest {

    @TempDir Path dir;

    /** The CSV rows as fields, header first. */
    private static List<String[]> csv(Path report) throws Exception {
        return Files.readAllLines(report.resolve("results.csv")).stream().map(l -> l.split(",", -1)).toList();
    }

    private static String[] row(List<String[]> rows, String mode, int clients) {
        return rows.stream().filter(r -> r[0].equals(mode) && r[1].equals(Integer.toString(clients))).findFirst().orElseThrow();
    }

    @Test
    void allThreeModesRunInThisProcessAndTheReportIsWritten() throws Exception {
        Path out = dir.resolve("demo");
        CliRun r = CliRun.of("demo", "--clients", "1,3", "--step", "300ms", "--warmup", "0", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("report: " + out.resolve("index.html").toAbsolutePath()), r.out());
        assertTrue(Files.size(out.resolve("index.html")) > 1000);
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"steps\""));
        List<String[]> rows = csv(out);
        assertEquals(1 + 6, rows.size(), "header and 2 counts x 3 modes");
        // Column indexes from the header.
        List<String> header = List.of(rows.get(0));
        int served = header.indexOf("clients_served");
        int threads = header.indexOf("threads_peak");
        int connected = header.indexOf("clients_connected");
        // The lesson of the serial server, exactly: three connected, one ever answered.
        assertEquals("3", row(rows, "serial", 3)[connected]);
        assertEquals("1", row(rows, "serial", 3)[served]);
        for (String mode : new String[] {"platform", "virtual"}) {
            assertEquals("3", row(rows, mode, 3)[connected]);
            assertFalse(row(rows, mode, 3)[served].equals("0"), mode + " served someone");
            assertFalse(row(rows, mode, 3)[threads].isEmpty(), "threads measured in process");
        }
        assertTrue(r.err().contains("[6/6 virtual 3]"), "progress names each step: " + r.err());
    }

    @Test
    void serialStepsAboveTheLimitAreSkippedAndSaidSo() throws Exception {
        Path out = dir.resolve("skip");
        CliRun r = CliRun.of("demo", "--clients", "1,2", "--modes", "serial", "--serial-max", "1",
                "--step", "200ms", "--warmup", "0", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("serial steps above 1 clients were skipped"), r.err());
        assertTrue(row(csv(out), "serial", 2)[2].startsWith("\"skipped: a serial server"), "the row says why");
    }

    @Test
    void externalServersAreLoadedButTheirThreadsAreNotMeasuredHere() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            Path out = dir.resolve("external");
            CliRun r = CliRun.of("demo", "--clients", "2", "--modes", "virtual", "--target",
                    "virtual=127.0.0.1:" + TestServers.address(server).getPort(), "--step", "200ms", "--warmup", "0",
                    "--out", out.toString());
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            List<String[]> rows = csv(out);
            String[] v = row(rows, "virtual", 2);
            assertEquals("2", v[List.of(rows.get(0)).indexOf("clients_connected")]);
            assertEquals("", v[List.of(rows.get(0)).indexOf("threads_peak")], "not measured for an external server");
            assertTrue(server.listeners().get(0).stats().accepted() >= 2, "the external server got the clients");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun udp = CliRun.of("demo", "--protocol", "udp-calc");
        assertEquals(ExitCodes.USAGE, udp.exit());
        assertTrue(udp.err().contains("--protocol"), udp.err());
        CliRun target = CliRun.of("demo", "--target", "turbo=127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, target.exit());
        assertTrue(target.err().contains("not a mode"), target.err());
        CliRun missing = CliRun.of("demo", "--target", "virtual=127.0.0.1:1");
        assertEquals(ExitCodes.USAGE, missing.exit(), "serial and platform have no server");
        assertTrue(missing.err().contains("one for each mode"), missing.err());
    }
}
