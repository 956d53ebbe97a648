package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example config in the repository (files, heredocs of scripts, the Kubernetes ConfigMap,
 * Python literals, code blocks of the docs) loads, and what {@code --print-config} writes for it
 * reads back to the same records: the writer and the reader agree on every example people copy.
 */
class ConfigExamplesTest {

    private static final List<String> PLACES = List.of("config", "docs", "bench", "deploy", "packaging",
            "src/main/resources/loomlab", "README.md");
    private static final List<String> KINDS = List.of(".json", ".md", ".sh", ".py", ".yaml", ".yml");
    /** Where a config starts: an object whose first field is one of the config's. */
    private static final Pattern START = Pattern.compile("\\{\\s*\"(" + String.join("|", ConfigSchema.SERVER.names()) + ")\"");
    /** A lone service in a doc's code block, as docs/scaling.md shows one: read inside a config. */
    private static final Pattern SERVICE_BLOCK = Pattern.compile("```json\\n(\\{\\s*\"name\".*?)```", Pattern.DOTALL);

    /** A value that is a Python name, such as "protocol": WORKLOAD. */
    private static final Pattern PYTHON_NAME = Pattern.compile("[:\\[,]\\s*(?!true\\b|false\\b|null\\b)[A-Za-z_]\\w*\\s*[,}\\]]");

    record Example(String where, String json) { }

    @Test
    void everyExampleReadsWritesAndReadsBackTheSame() throws Exception {
        List<Example> examples = examples();
        List<String> found = examples.stream().map(Example::where).toList();
        // The finder finds what is known to be there, so it cannot pass by finding nothing.
        for (String known : List.of("config/lab.json", "config/demo.json", "bench/loomlab-bench.json",
                "deploy/haproxy/replica.json", "deploy/kubernetes/server.yaml", "packaging/config.json",
                "packaging/smoke-test.sh", "packaging/deb/check-runtime.sh", "packaging/measure-startup.py",
                "bench/aot-train.sh", "bench/admin-attacks.py",
                "src/main/resources/loomlab/default-config.json", "docs/configuration.md", "docs/scaling.md")) {
            assertTrue(found.stream().anyMatch(w -> w.startsWith(known + ":")), known + " among " + found);
        }
        for (Example e : examples) {
            ServerConfig read;
            try {
                read = ConfigLoader.parse(e.where(), e.json());
            } catch (ConfigException x) {
                throw new AssertionError(e.where() + " does not load:\n" + x.getMessage() + "\n" + e.json());
            }
            String printed = ConfigWriter.toJson(read);
            assertEquals(read, ConfigLoader.parse("printed " + e.where(), printed), e.where() + " printed as\n" + printed);
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> all = new ArrayList<>();
        for (String place : PLACES) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(place))) {
                files = s.filter(Files::isRegularFile).filter(f -> KINDS.stream().anyMatch(k -> f.toString().endsWith(k)))
                        .sorted().toList();
            }
            for (Path f : files) all.addAll(in(f.toString().replace('\\', '/'), Files.readString(f)));
        }
        return all;
    }

    /** The configs in one file's text, each named "path:line". */
    static List<Example> in(String file, String text) {
        List<Example> found = new ArrayList<>();
        boolean python = file.endsWith(".py") || file.endsWith(".sh");
        // docs/configuration.md's Errors section shows a config that is wrong on purpose (ConfigDocsTest reads it).
        int wrongOnPurpose = file.equals("docs/configuration.md") ? text.indexOf("\n## Errors\n") : -1;
        Matcher m = START.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int end = end(text, m.start());
            String json = text.substring(m.start(), end);
            from = end;
            if (!json.contains("\"services\"")) continue;
            if (wrongOnPurpose >= 0 && m.start() > wrongOnPurpose) continue;
            // A Python dict literal is JSON but for its constants and the commas it allows before a '}' or ']';
            // one with a variable in it ("protocol": WORKLOAD) is a template, not an example.
            if (python) {
                json = json.replace("True", "true").replace("False", "false").replace("None", "null")
                        .replaceAll(",(\\s*[}\\]])", "$1");
                if (PYTHON_NAME.matcher(json).find()) continue;
            }
            found.add(new Example(file + ":" + line(text, m.start()), json));
        }
        if (file.endsWith(".md")) {
            Matcher s = SERVICE_BLOCK.matcher(text);
            while (s.find()) {
                found.add(new Example(file + ":" + line(text, s.start()), "{\"services\": [" + s.group(1) + "]}"));
            }
        }
        return found;
    }

    /** The index after the '}' that closes the object opened at {@code start}, strings skipped. */
    private static int end(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\') i++;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) return i + 1;
            }
        }
        return text.length();
    }

    private static int line(String text, int at) {
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
