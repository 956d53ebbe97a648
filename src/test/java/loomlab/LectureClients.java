package loomlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The lecture's own Python clients (src/test/resources/lecture), run as a student runs them. */
public final class LectureClients {

    private LectureClients() { }

    /** The machine's python3, or null when there is none. */
    public static String python() {
        for (String candidate : new String[] {"/usr/bin/python3", "/usr/local/bin/python3"}) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return null;
    }

    /** Runs {@code python3 SCRIPT ARGS} from a copy in {@code dir}; it must exit 0; returns its output lines. */
    public static List<String> run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = LectureClients.class.getResourceAsStream("/lecture/" + script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(python(), file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), script + " did not finish");
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), script + ": " + out);
        return out;
    }
}
