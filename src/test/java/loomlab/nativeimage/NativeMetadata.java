package loomlab.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The native-image metadata a build output carries (every {@code META-INF/native-image/**.json}
 * under one classes directory, ours and picocli-codegen's), merged: reflection entries by class
 * name, resource patterns in one list.
 */
final class NativeMetadata {

    final Path classesDir;
    final List<Path> files = new ArrayList<>();
    final Map<String, Map<String, Object>> reflection = new LinkedHashMap<>();
    final List<Pattern> resourcePatterns = new ArrayList<>();

    private NativeMetadata(Path classesDir) {
        this.classesDir = classesDir;
    }

    static NativeMetadata of(Path classesDir) throws IOException {
        NativeMetadata m = new NativeMetadata(classesDir);
        Path root = classesDir.resolve("META-INF/native-image");
        if (!Files.isDirectory(root)) return m;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(m.files::add);
        }
        for (Path f : m.files) {
            String kind = f.getFileName().toString();
            if (kind.equals("reflect-config.json")) m.addReflection(f);
            if (kind.equals("resource-config.json")) m.addResources(f);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private void addReflection(Path file) throws IOException {
        for (Object o : (List<Object>) MetadataJson.read(file)) {
            Map<String, Object> entry = (Map<String, Object>) o;
            String name = (String) (entry.containsKey("type") ? entry.get("type") : entry.get("name"));
            reflection.merge(name, new LinkedHashMap<>(entry), (a, b) -> {
                a.putAll(b);
                return a;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private void addResources(Path file) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) MetadataJson.read(file);
        Object resources = doc.get("resources");
        // The legacy layout is {"resources": {"includes": [...]}}; older files had a bare list.
        Object includes = resources instanceof Map<?, ?> r ? r.get("includes") : resources;
        if (includes == null) return;
        for (Object o : (List<Object>) includes) {
            resourcePatterns.add(Pattern.compile((String) ((Map<String, Object>) o).get("pattern")));
        }
    }

    boolean registersResource(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return resourcePatterns.stream().anyMatch(r -> r.matcher(p).matches());
    }

    boolean registersClass(String binaryName) {
        return reflection.containsKey(binaryName);
    }

    boolean flag(String binaryName, String flag) {
        Map<String, Object> e = reflection.get(binaryName);
        return e != null && Boolean.TRUE.equals(e.get(flag));
    }

    /** The compiled classes under the classes directory, read by {@link ClassFileRefs}. */
    Map<String, ClassFileRefs> compiledClasses() {
        return compiledClasses(classesDir);
    }

    static Map<String, ClassFileRefs> compiledClasses(Path dir) {
        Map<String, ClassFileRefs> classes = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassFileRefs refs = ClassFileRefs.read(p);
                classes.put(refs.name(), refs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }
}
