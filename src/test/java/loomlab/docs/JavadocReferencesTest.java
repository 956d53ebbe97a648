package loomlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code {@link}} and {@code @see} in the main sources points at something that exists:
 * javadoc's own reference check (-Xdoclint:reference), so that a renamed or removed method
 * cannot leave a comment sending the reader to nothing.
 */
class JavadocReferencesTest {

    @Test
    void everyLinkInTheJavadocResolves(@TempDir Path out) throws Exception {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        assertNotNull(javadoc, "a JDK with javadoc runs the tests");
        List<java.io.File> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        StringWriter problems = new StringWriter();
        try (StandardJavaFileManager fm = javadoc.getStandardFileManager(null, Locale.ROOT, null)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of("-quiet", "-Xdoclint:reference", "-package", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"), "-encoding", "UTF-8");
            boolean ok = javadoc.getTask(problems, fm, null, null, options, units).call();
            String errors = problems.toString().lines().filter(l -> l.contains("error:")).reduce("", (a, b) -> a + b + "\n");
            assertEquals("", errors, "javadoc links that lead nowhere");
            assertEquals(true, ok, problems.toString());
        }
    }
}
