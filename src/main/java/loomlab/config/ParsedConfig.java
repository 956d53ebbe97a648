package loomlab.config;

import java.util.Map;

/** A config as read, with where each field was written, before validation. */
record ParsedConfig(String source, ServerConfig config, Map<String, String> positions) {

    /** "config.json:7:15" for a field path such as "services[1].port", or the file alone. */
    String where(String path) {
        String at = positions.get(path);
        return at == null ? source : source + ":" + at;
    }

    boolean given(String path) {
        return "true".equals(positions.get(path + ".given"));
    }
}
