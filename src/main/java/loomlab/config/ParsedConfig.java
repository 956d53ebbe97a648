package loomlab.config;

import java.util.List;
import java.util.Map;

/**
 * A config as read, with where each field was written, before validation. A position is
 * "7:15" in the file, or the command-line option that set the field ("--admin-port 9090").
 */
record ParsedConfig(String source, ServerConfig config, Map<String, String> positions, List<String> problems) {

    /** Problems found while reading (each with its position); the validator adds its own. */
    ParsedConfig {
        problems = List.copyOf(problems);
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

    boolean given(String path) {
        return "true".equals(positions.get(path + ".given"));
    }
}
