package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import loomlab.HeldPort;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {

    @TempDir Path dir;

    @Test
    void echoLoadPrintsTheReportWritesJsonAndExitsZero() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            Path json = dir.resolve("load.json");
            CliRun r = CliRun.of("load", "echo", "--port", port(server), "--clients", "20",
                    "--duration", "500ms", "--warmup", "0", "--json", json.toString());
            assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
            assertTrue(r.out().contains("requests"), r.out());
            assertTrue(r.out().contains("p99.9"), r.out());
            assertTrue(r.out().contains("mismatches   0"), r.out());
            // Not a terminal here: progress comes as plain lines on stderr.
            assertTrue(r.err().contains("load echo: 20 clients against 127.0.0.1:" + port(server)), r.err());
            Map<String, String> top = topLevelFields(json);
            assertEquals("echo", top.get("workload"));
            assertEquals("ok", top.get("outcome"));
            assertEquals("0", top.get("mismatches"));
            assertTrue(Long.parseLong(top.get("requests")) > 0);
        }
    }

    @Test
    void calcAndUdpCalcWorkloadsRunFromTheCommandLine() throws Exception {
        try (Server server = TestServers.start(TestServers.calc(Mode.PLATFORM), TestServers.udpCalc(loomlab.config.WireOrder.BIG))) {
            CliRun calc = CliRun.of("load", "calc", "--port", Integer.toString(server.listeners().get(0).address().getPort()),
                    "-n", "5", "-d", "300ms", "--warmup", "0", "-q");
            assertEquals(ExitCodes.OK, calc.exit(), calc.err() + calc.out());
            assertTrue(calc.err().lines().noneMatch(l -> l.startsWith("measuring")), "--quiet: no progress lines");
            CliRun udp = CliRun.of("load", "udp-calc", "--port", Integer.toString(server.listeners().get(1).address().getPort()),
                    "-n", "5", "-d", "300ms", "--warmup", "0", "--order", "big", "-q");
            assertEquals(ExitCodes.OK, udp.exit(), udp.err() + udp.out());
        }
    }

    @Test
    void nothingListeningExitsTwo() throws Exception {
        try (HeldPort nothing = HeldPort.tcp()) {
            CliRun r = CliRun.of("load", "echo", "--port", Integer.toString(nothing.port()), "-n", "2", "-d", "200ms",
                    "--warmup", "0", "-q");
            assertEquals(ExitCodes.SYSTEM, r.exit());
            assertTrue(r.out().contains("connect-refused"), r.out());
            assertTrue(r.out().contains("failed: no client could reach"), r.out());
        }
    }

    @Test
    void moreClientsThanOpenFilesAllowStopBeforeStartingWithTheFix() {
        CliRun r = CliRun.of("load", "echo", "--clients", "1000000", "--port", "1");
        assertEquals(ExitCodes.SYSTEM, r.exit(), r.err());
        assertTrue(r.err().contains("not enough open files"), r.err());
        assertTrue(r.err().contains("ulimit -n"), r.err());
        assertTrue(r.out().isEmpty(), "nothing ran");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        CliRun zero = CliRun.of("load", "echo", "--clients", "0");
        assertEquals(ExitCodes.USAGE, zero.exit());
        assertTrue(zero.err().contains("--clients"), zero.err());
        CliRun both = CliRun.of("load", "echo", "--rate", "5", "--think", "1s");
        assertEquals(ExitCodes.USAGE, both.exit());
        assertTrue(both.err().contains("--rate and --think"), both.err());
        CliRun workload = CliRun.of("load", "ping");
        assertEquals(ExitCodes.USAGE, workload.exit());
        assertTrue(workload.err().contains("echo, calc or udp-calc"), workload.err());
        CliRun duration = CliRun.of("load", "echo", "--duration", "soon");
        assertEquals(ExitCodes.USAGE, duration.exit());
        assertTrue(duration.err().contains("e.g. 500ms, 30s or 2m"), duration.err());
        CliRun bind = CliRun.of("load", "echo", "--bind", "somewhere");
        assertEquals(ExitCodes.USAGE, bind.exit());
        assertTrue(bind.err().contains("--bind"), bind.err());
    }

    @Test
    void helpListsTheOptions() {
        CliRun r = CliRun.of("load", "--help");
        assertEquals(ExitCodes.OK, r.exit());
        for (String option : new String[] {"--clients", "--duration", "--ramp-up", "--rate", "--think", "--warmup",
                                           "--bind", "--json", "--order", "--size", "--connect-timeout", "--read-timeout"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    private static String port(Server server) {
        return Integer.toString(TestServers.address(server).getPort());
    }

    /** The scalar fields at the top level of a JSON object, as text. */
    static Map<String, String> topLevelFields(Path json) throws Exception {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(Files.readString(json))) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    fields.put(name, p.getText());
                }
            }
        }
        return fields;
    }
}
