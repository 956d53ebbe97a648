package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny demo run from this JVM: every mode's server is a process of its own, measured from
 * outside. Unpinned here (pinning would move the test JVM itself); DemoJarIT pins. The report's
 * looks are the report tests'.
 */
class DemoCommandTest {

    @TempDir Path dir;

    @Test
    void everyModeRunsInAFreshServerProcessAndEveryStepIsMeasuredFromOutside() throws Exception {
        Path out = dir.resolve("demo");
        CliRun r = CliRun.of("demo", "--clients", "1,3", "--step", "300ms", "--warmup", "0", "--lab-idle", "20",
                "--lab-active", "2", "--no-pin", "--live-port", "0", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.toString());
        assertTrue(r.out().contains("report: " + out.resolve("index.html").toAbsolutePath()), r.out());
        assertTrue(r.err().contains("cores: not pinned"), r.err());
        assertTrue(r.err().contains("live: http://127.0.0.1:"), "the live page's address is said at the start: " + r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertFalse(json.get("placement").get("pinned").asBoolean());
        assertTrue(json.get("notes").get(0).asText().contains("not a fair comparison"), json.get("notes").toString());
        List<JsonNode> steps = StreamSupport.stream(json.get("steps").spliterator(), false).toList();
        assertEquals(2 * 3 + 3, steps.size(), "2 counts x 3 modes, then the lab for each mode");
        Set<Long> pids = new HashSet<>();
        for (JsonNode s : steps) {
            if (!s.get("skipped").isNull()) continue;
            long pid = s.get("serverPid").asLong();
            assertNotEquals(ProcessHandle.current().pid(), pid, "never in the load generator's process");
            assertTrue(pids.add(pid), "a fresh server per step: " + s);
            assertTrue(s.get("serverThreads").asInt() > 1, s.toString());
            assertFalse(s.get("serverCpuShare").isNull(), s.toString());
            assertFalse(s.get("answersPerClient").isNull(), s.toString());
            JsonNode m = s.get("memory");
            assertTrue(m.get("rssBeforeBytes").asLong() > 0 && m.get("rssAtLoadBytes").asLong() > 0, m.toString());
            assertTrue(m.get("rssPerConnectionBytes").isNull() || m.get("rssPerConnectionBytes").asDouble() > 0, m.toString());
            assertTrue(m.get("rssWithinNoise").asBoolean() || !m.get("rssPerConnectionBytes").isNull(), m.toString());
        }
        JsonNode virtual3 = steps.stream().filter(s -> s.get("mode").asText().equals("virtual") && s.get("clients").asInt() == 3
                && s.get("scenario").asText().equals("ladder")).findFirst().orElseThrow();
        assertEquals(3, virtual3.get("clientsServed").asInt());
        assertEquals(0, virtual3.get("errors").asInt());
        assertFalse(virtual3.get("allAnsweredSeconds").isNull());
        JsonNode serial3 = steps.stream().filter(s -> s.get("mode").asText().equals("serial") && s.get("clients").asInt() == 3
                && s.get("scenario").asText().equals("ladder")).findFirst().orElseThrow();
        assertEquals(1, serial3.get("clientsServed").asInt(), "echo clients keep their connection: serial serves one");
        JsonNode labVirtual = steps.stream().filter(s -> s.get("scenario").asText().equals("lab")
                && s.get("mode").asText().equals("virtual")).findFirst().orElseThrow();
        assertEquals(20, labVirtual.get("idle").asInt());
        assertEquals(22, labVirtual.get("serverConnections").asInt(), "idle and active, counted in the server's descriptors");
        assertTrue(Files.list(out.resolve("servers")).anyMatch(p -> p.toString().endsWith(".log")), "the servers' logs are kept");
    }

    @Test
    void badOptionsAreUsageErrorsBeforeAnythingRuns() throws Exception {
        CliRun udp = CliRun.of("demo", "--protocol", "udp-calc");
        assertEquals(ExitCodes.USAGE, udp.exit());
        assertTrue(udp.err().contains("--protocol"), udp.err());
        CliRun labActive = CliRun.of("demo", "--lab-active", "0");
        assertEquals(ExitCodes.USAGE, labActive.exit());
        assertTrue(labActive.err().contains("--lab-active"), labActive.err());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun outIsFile = CliRun.of("demo", "--out", file.toString());
        assertEquals(ExitCodes.USAGE, outIsFile.exit());
        assertTrue(outIsFile.err().contains("is a file"), outIsFile.err());
        CliRun port = CliRun.of("demo", "--live-port", "70000");
        assertEquals(ExitCodes.USAGE, port.exit());
    }
}
