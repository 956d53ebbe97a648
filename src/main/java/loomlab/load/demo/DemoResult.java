package loomlab.load.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished demo: what it ran on, with what settings, what it decided, and every step.
 *
 * @param machine  cores, memory, OS, JDK, limits (ordered for display)
 * @param settings the settings in words (ordered for display)
 * @param notes    clamps, skips, anything the reader must know to read the charts right
 * @param steps    in the order they ran
 * @param seconds  how long the whole demo took
 */
public record DemoResult(
        String workload,
        Map<String, String> machine,
        Map<String, String> settings,
        List<String> notes,
        List<Step> steps,
        double seconds) {

    public DemoResult {
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }
}
