package loomlab.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.Wire;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/loomlab-fleet.json parses, and every metric its queries name is one that a
 * running server's /metrics exports: a renamed metric breaks this test, not a dashboard in class.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("deploy/grafana/loomlab-fleet.json");
    private static final Pattern METRIC = Pattern.compile("\\b(?:loomlab|process|jvm)_[a-z0-9_]+\\b");

    @Test
    @SuppressWarnings("unchecked")
    void everyQueryNamesOnlyMetricsTheServerExports() throws Exception {
        Map<String, Object> dashboard = (Map<String, Object>) AdminClient.parse(Files.readString(DASHBOARD));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertFalse(panels.isEmpty());
        List<String> queries = new ArrayList<>();
        Set<Object> ids = new HashSet<>();
        for (Map<String, Object> panel : panels) {
            assertTrue(ids.add(panel.get("id")), "panel ids are unique: " + panel.get("title"));
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertFalse(targets.isEmpty(), "a panel without a query: " + panel.get("title"));
            for (Map<String, Object> t : targets) queries.add((String) t.get("expr"));
        }
        for (Map<String, Object> variable : (List<Map<String, Object>>) ((Map<String, Object>) dashboard.get("templating")).get("list")) {
            if (variable.get("definition") instanceof String q) queries.add(q);
        }
        Set<String> named = new TreeSet<>();
        for (String q : queries) {
            Matcher m = METRIC.matcher(q);
            while (m.find()) named.add(m.group());
        }
        assertTrue(named.contains("loomlab_request_duration_seconds_bucket"), "the fleet's latency comes from the buckets");

        Set<String> exported = new HashSet<>();
        try (ObservedServer s = new ObservedServer()) {
            assertEquals("5\0\0", Wire.calc(s.address("calc"), "2\0003\0000\0"));
            for (String line : AdminClient.get(s.admin(), "/metrics").split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(exported);
        // The scheduler's figures exist on JDK 24+ only (the panel says so).
        if (Runtime.version().feature() < 24) unknown.removeIf(n -> n.startsWith("jvm_virtual_thread"));
        assertEquals(Set.of(), unknown, "metrics the dashboard queries but /metrics does not export");
    }
}
