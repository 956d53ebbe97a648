package loomlab.load.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo, finished or still running: what it ran on, with what settings, what it decided, and
 * every step so far.
 *
 * @param machine   cores, memory, OS, JDK, limits (ordered for display)
 * @param settings  the settings in words (ordered for display)
 * @param placement the cores of the servers and of the load generator
 * @param limits    how the largest client count was found, in words (ordered for display)
 * @param notes     clamps, skips, anything the reader must know to read the charts right
 * @param steps     in the order they ran
 * @param planned   how many steps the demo will run in all (for progress while it is live)
 * @param seconds   how long the demo has taken so far
 * @param finished  false while the demo is still running (the live page)
 */
public record DemoResult(
        String workload,
        Map<String, String> machine,
        Map<String, String> settings,
        Placement placement,
        Map<String, String> limits,
        List<String> notes,
        List<Step> steps,
        int planned,
        double seconds,
        boolean finished) {

    public DemoResult {
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }
}
