package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar server.jar demo} end to end, as a class runs it: the demo pins itself and
 * starts each mode's server as a process of its own on the other core(s).
 */
class DemoJarIT {

    @TempDir Path dir;

    @Test
    void aShortDemoPinsServersAndLoadApartAndMeasuresEachServerProcess() throws Exception {
        Path out = dir.resolve("report");
        Path log = dir.resolve("demo.log");
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.javaBinary(), "-jar", ServerProcess.jar().toString(), "demo",
                "--modes", "platform,virtual", "--clients", "5", "--step", "500ms", "--warmup", "200ms",
                "--lab-idle", "30", "--lab-active", "2", "--no-live", "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the demo finished");
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode placement = json.get("placement");
        List<Integer> cores = Affinity.allowedCores();
        if (cores.size() >= 2 && Affinity.tasksetAvailable()) {
            assertTrue(placement.get("pinned").asBoolean(), said);
            assertEquals(cores.get(0), placement.get("serverCores").get(0).asInt());
            assertEquals(cores.get(cores.size() - 1), placement.get("loadCores").get(placement.get("loadCores").size() - 1).asInt());
            assertTrue(said.contains("cores: servers on " + cores.get(0)), said);
        } else {
            assertFalse(placement.get("pinned").asBoolean());
            assertFalse(placement.get("why").isNull());
        }
        assertTrue(json.get("finished").asBoolean());
        Set<Long> pids = new HashSet<>();
        int ran = 0;
        for (JsonNode s : json.get("steps")) {
            assertTrue(s.get("skipped").isNull(), s.toString());
            assertTrue(s.get("stopped").isNull(), s.toString());
            assertEquals(0, s.get("errors").asInt(), s.toString());
            long pid = s.get("serverPid").asLong();
            assertNotEquals(p.pid(), pid);
            assertTrue(pids.add(pid), "one server process per step");
            assertFalse(s.get("serverCpuMicrosPerAnswer").isNull(), s.toString());
            assertTrue(s.get("serverThreads").asInt() > 1, s.toString());
            assertTrue(s.get("memory").get("rssAtLoadBytes").asLong() > 0, s.toString());
            ran++;
        }
        assertEquals(4, ran, "2 modes x (1 count + the lab)");
        assertTrue(Files.readString(out.resolve("index.html")).contains("<svg") || Files.size(out.resolve("index.html")) > 1000);
    }
}
