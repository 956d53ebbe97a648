package loomlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md lists every source file with its job, file by file: a file added, moved or
 * removed without its line there fails here, both ways.
 */
class ArchitectureDocTest {

    private static final Path MAIN = Path.of("src/main/java/loomlab");
    /** A table row: one or more files (`a/B.java`, `a/C.java`), then the job. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[a-z/]+/[A-Z][A-Za-z0-9]*\\.java`(?:, `[a-z/]+/[A-Z][A-Za-z0-9]*\\.java`)*) \\| .+ \\|$");
    private static final Pattern FILE = Pattern.compile("`([^`]+)`");

    @Test
    void everySourceFileHasItsLineAndEveryLineItsFile() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(MAIN)) {
            walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files.add(MAIN.relativize(f).toString().replace('\\', '/')));
        }
        TreeSet<String> listed = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/architecture.md")));
        while (m.find()) {
            Matcher f = FILE.matcher(m.group(1));
            while (f.find()) listed.add(f.group(1));
        }
        TreeSet<String> missing = new TreeSet<>(files);
        missing.removeAll(listed);
        TreeSet<String> gone = new TreeSet<>(listed);
        gone.removeAll(files);
        assertEquals(List.of(), List.copyOf(missing), "source files without their line in docs/architecture.md");
        assertEquals(List.of(), List.copyOf(gone), "lines of docs/architecture.md whose file does not exist");
    }
}
