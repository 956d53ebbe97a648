package loomlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs name code that exists: a newcomer who reads "`TcpListener.handle`" or
 * "`server/TcpListener.java`" must find it. Checks, in the code spans of docs/*.md and README.md,
 * every {@code Class.member} whose class is loomlab's (the member must be declared in that class's
 * file), every {@code package/Class} path (the file must exist), and every bare name that looks
 * like a loomlab class (CamelCase, in a code span; it must be a class of loomlab or of the JDK and
 * libraries it uses, else it is a stale name).
 */
class CodeNamesInDocsTest {

    private static final Path MAIN = Path.of("src/main/java/loomlab");
    private static final Path TEST = Path.of("src/test/java/loomlab");
    /** The JMH benchmarks of {@code make bench}. */
    private static final Path JMH = Path.of("src/jmh/java/loomlab");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern MEMBER = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)[.#]([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern PATH = Pattern.compile("(?<![\\w/.-])((?:[a-z][a-z0-9]*/)+)([A-Z][A-Za-z0-9]*)(\\.java)?\\b");
    /** "Foo.java", "Foo.class": a file, not a member. */
    private static final List<String> FILE_SUFFIXES = List.of("java", "class", "json", "md", "properties");
    /**
     * CamelCase names in the docs that are not loomlab's and not on the class path: fields of
     * /proc/meminfo, a Python exception, JDK internals named to explain a cost.
     */
    private static final List<String> NOT_JAVA_CLASSES = List.of("KernelStack", "PageTables", "ValueError",
            "StackChunk", "NioSocketImpl");
    private static final Pattern CLASS_LIKE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+");

    @Test
    void everyNamedClassMemberAndPathExists() throws IOException {
        Map<String, List<Path>> classes = sources();
        List<String> stale = new ArrayList<>();
        for (Path doc : docs()) {
            String text = Files.readString(doc);
            Matcher span = CODE_SPAN.matcher(text);
            while (span.find()) {
                String code = span.group(1);
                String where = doc + ":" + line(text, span.start()) + ": `" + code + "`";
                Matcher m = MEMBER.matcher(code);
                while (m.find()) {
                    List<Path> files = classes.get(m.group(1));
                    if (files != null && !FILE_SUFFIXES.contains(m.group(2)) && files.stream().noneMatch(f -> declares(f, m.group(2)))) {
                        stale.add(where + ": " + m.group(1) + " has no " + m.group(2));
                    }
                }
                Matcher p = PATH.matcher(code);
                while (p.find()) {
                    String rel = p.group(1) + p.group(2) + ".java";
                    String top = p.group(1).substring(0, p.group(1).indexOf('/'));
                    if (rel.startsWith("src/") ? p.group(3) != null && !Files.exists(Path.of(rel))
                            : (Files.isDirectory(MAIN.resolve(top)) || Files.isDirectory(TEST.resolve(top)))
                                    && !Files.exists(MAIN.resolve(rel)) && !Files.exists(TEST.resolve(rel))) {
                        stale.add(where + ": no file " + rel);
                    }
                }
                if (CLASS_LIKE.matcher(code).matches() && !classes.containsKey(code) && !known(code)) {
                    stale.add(where + ": no class " + code + " in loomlab, the JDK or its libraries");
                }
            }
        }
        assertEquals(List.of(), stale, "docs name code that does not exist (renamed or removed?)");
    }

    @Test
    void theCheckFindsAStaleName() throws IOException {
        Map<String, List<Path>> classes = sources();
        assertTrue(classes.containsKey("TcpListener") || classes.containsKey("Server"), "the sources were found");
        List<Path> server = classes.get("Server");
        assertTrue(server.stream().anyMatch(f -> declares(f, "start")));
        assertTrue(server.stream().noneMatch(f -> declares(f, "noSuchMethodAnywhere")));
        assertTrue(!known("NoSuchClassAnywhere") && known("ConcurrentHashMap") && known("ServerSocket"));
    }

    /** Simple class name to its files (a name may exist in two packages). */
    private static Map<String, List<Path>> sources() throws IOException {
        Map<String, List<Path>> classes = new HashMap<>();
        for (Path root : List.of(MAIN, TEST, JMH)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String name = f.getFileName().toString().replace(".java", "");
                    classes.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
                    for (String nested : nestedTypes(f)) classes.computeIfAbsent(nested, k -> new ArrayList<>()).add(f);
                });
            }
        }
        return classes;
    }

    private static List<String> nestedTypes(Path file) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z][A-Za-z0-9]*)").matcher(read(file));
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** A method, field, constant, record component or enum constant of that name in the file. */
    private static boolean declares(Path file, String member) {
        return Pattern.compile("\\b" + Pattern.quote(member) + "\\b\\s*[(=;,)]").matcher(read(file)).find();
    }

    /** A class of the JDK or of a library loomlab uses, as docs name them in passing. */
    private static boolean known(String simpleName) {
        if (NOT_JAVA_CLASSES.contains(simpleName)) return true;
        for (String pkg : List.of("java.lang.", "java.util.", "java.util.concurrent.", "java.util.concurrent.atomic.",
                "java.util.concurrent.locks.", "java.net.", "java.nio.", "java.nio.channels.", "java.nio.file.", "java.io.",
                "java.time.", "java.math.", "com.sun.management.", "java.lang.management.", "com.sun.net.httpserver.", "jdk.jfr.", "org.HdrHistogram.",
                "com.fasterxml.jackson.core.", "com.fasterxml.jackson.databind.", "picocli.")) {
            try {
                Class.forName(pkg + simpleName, false, CodeNamesInDocsTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package
            }
        }
        return false;
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
