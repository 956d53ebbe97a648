package loomlab.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A config as read, before validation: where each field was written, which fields the file
 * gives and which lists it gives empty. A position is "7:15" in the file, or the command-line
 * option that set the field ("--admin-port 9090").
 *
 * @param positions  by field path ("services[1].port"), also of objects ("services[1]", "" the document)
 * @param given      the paths of the fields the file gives ("services[1].mode"), whatever their value
 * @param emptyLists the paths of the lists the file gives as [ ] ("services")
 * @param problems   found while reading (each with its position); the validator adds its own
 */
record ParsedConfig(String source, ServerConfig config, Map<String, String> positions, Set<String> given,
                    Set<String> emptyLists, List<String> problems) {

    ParsedConfig {
        positions = Map.copyOf(positions);
        given = Set.copyOf(given);
        emptyLists = Set.copyOf(emptyLists);
        problems = List.copyOf(problems);
    }

    /** The same reading with another config, and a field set by a command-line option at the option. */
    ParsedConfig with(ServerConfig changed, Map<String, String> optionPositions) {
        Map<String, String> all = new HashMap<>(positions);
        all.putAll(optionPositions);
        return new ParsedConfig(source, changed, all, given, emptyLists, problems);
    }

    /**
     * "config.json:7:15" for a field path such as "services[1].port"; a field left out is placed
     * at the object that would hold it ("services[1]", then the document): every message has a position.
     */
    String where(String path) {
        String p = path;
        while (true) {
            String at = positions.get(p);
            if (at != null) return at.startsWith("-") ? at : source + ":" + at;
            if (p.isEmpty()) return source + ":1:1";
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** Whether the file gives the field at {@code path}. */
    boolean given(String path) {
        return given.contains(path);
    }

    /** Whether the file gives the list at {@code path} with no entries. */
    boolean emptyList(String path) {
        return emptyLists.contains(path);
    }
}
