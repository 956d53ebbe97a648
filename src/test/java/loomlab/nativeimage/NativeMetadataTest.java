package loomlab.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loomlab.cli.Main;
import loomlab.config.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledInNativeImage;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Keeps the code native-ready, on the JVM: the native build cannot run here, so these checks
 * stand in for the mistakes it would reveal. Details and the reasoning: docs/native-image.md.
 *
 * <ul>
 *   <li>the metadata files are valid JSON of the expected shape;</li>
 *   <li>every class and member they name exists, every resource pattern names a real resource;</li>
 *   <li>every resource we ship under {@code loomlab/}, and every resource path written in our
 *       code, is registered (the native image would otherwise not contain it);</li>
 *   <li>picocli's commands are registered (by picocli-codegen), and so are the factories behind
 *       the option types picocli converts by reflection;</li>
 *   <li>config records and enums reachable from reflection in our code are registered. Today no
 *       class uses reflection (config is read with jackson-core's streaming parser), so nothing
 *       needs registering; the day someone binds config by reflection without metadata, the
 *       test names the type and the site. {@link #theConfigRuleCatchesReflectionWithoutMetadata}
 *       proves it does, on fixtures that make that mistake.</li>
 * </ul>
 */
@DisabledInNativeImage // reads the JVM build output (target/classes) and class files
class NativeMetadataTest {

    /** picocli converts these option types with a factory it looks up by reflection. */
    private static final Map<Class<?>, String> PICOCLI_REFLECTIVE_CONVERTERS = reflectiveConverters();

    private static final Pattern RESOURCE_PATH = Pattern.compile("/?loomlab/[\\w./-]+\\.[a-z]+");

    private static Path mainClasses;
    private static NativeMetadata metadata;

    @BeforeAll
    static void readBuildOutput() throws IOException, URISyntaxException {
        mainClasses = Path.of(ConfigLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        metadata = NativeMetadata.of(mainClasses);
    }

    @Test
    void everyMetadataFileIsValidJsonOfItsKind() throws IOException {
        List<String> names = metadata.files.stream().map(f -> mainClasses.relativize(f).toString()).toList();
        assertTrue(names.contains("META-INF/native-image/io.github.loomlab/loomlab/resource-config.json"), names::toString);
        assertTrue(names.contains("META-INF/native-image/io.github.loomlab/loomlab/reflect-config.json"), names::toString);
        // Written by the picocli-codegen annotation processor (-Aproject=... in the pom).
        assertTrue(names.contains("META-INF/native-image/picocli-generated/io.github.loomlab/loomlab/reflect-config.json"),
                () -> "picocli-codegen did not generate the commands' metadata; found " + names);
        for (Path f : metadata.files) {
            Object doc = MetadataJson.read(f);
            String kind = f.getFileName().toString();
            if (kind.equals("resource-config.json")) {
                assertTrue(doc instanceof Map<?, ?> m && m.containsKey("resources"), f + ": expected {\"resources\": ...}");
            } else if (kind.matches("(reflect|proxy|jni)-config\\.json")) {
                assertTrue(doc instanceof List<?>, f + ": expected a JSON array");
                for (Object entry : (List<?>) doc) {
                    assertTrue(entry instanceof Map<?, ?> || entry instanceof List<?>, f + ": bad entry " + entry);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(mainClasses.resolve("META-INF/native-image"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith("native-image.properties")).toList()) {
                Properties props = new Properties();
                try (var in = Files.newBufferedReader(p)) {
                    props.load(in);
                }
                assertTrue(props.containsKey("Args"), p + ": a native-image.properties holds Args = ...");
            }
        }
    }

    @Test
    void reflectConfigNamesRealClassesAndMembers() {
        List<String> problems = new ArrayList<>();
        metadata.reflection.forEach((name, entry) -> {
            Class<?> type;
            try {
                type = load(name);
            } catch (ClassNotFoundException e) {
                problems.add("no class " + name);
                return;
            }
            for (Object f : listOf(entry.get("fields"))) {
                String field = (String) ((Map<?, ?>) f).get("name");
                try {
                    type.getDeclaredField(field);
                } catch (NoSuchFieldException e) {
                    problems.add(name + ": no field " + field);
                }
            }
            for (Object m : listOf(entry.get("methods"))) {
                Map<?, ?> method = (Map<?, ?>) m;
                String methodName = (String) method.get("name");
                try {
                    Class<?>[] params = parameterTypes(listOf(method.get("parameterTypes")));
                    if (methodName.equals("<init>")) {
                        type.getDeclaredConstructor(params);
                    } else {
                        type.getDeclaredMethod(methodName, params);
                    }
                } catch (ReflectiveOperationException e) {
                    problems.add(name + ": no method " + methodName + listOf(method.get("parameterTypes")));
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void resourcePatternsNameRealResources() throws IOException {
        List<String> shipped = shippedResources();
        List<String> problems = new ArrayList<>();
        for (Pattern p : metadata.resourcePatterns) {
            if (shipped.stream().noneMatch(r -> p.matcher(r).matches())) problems.add("no resource matches " + p);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyResourceWeShipOrLoadIsRegistered() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String r : shippedResources()) {
            if (r.startsWith("loomlab/") && !metadata.registersResource(r)) {
                problems.add(r + " is in the jar but not in resource-config.json: the native binary would not have it");
            }
        }
        for (ClassFileRefs c : metadata.compiledClasses().values()) {
            for (String s : c.strings()) {
                if (!RESOURCE_PATH.matcher(s).matches()) continue;
                String path = s.startsWith("/") ? s.substring(1) : s;
                if (Main.class.getClassLoader().getResource(path) == null) {
                    problems.add(ClassFileRefs.binaryName(c.name()) + " names resource " + s + ", which does not exist");
                } else if (!metadata.registersResource(path)) {
                    problems.add(ClassFileRefs.binaryName(c.name()) + " loads " + s + ", not in resource-config.json");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void picocliCommandsAndTheirReflectiveOptionTypesAreRegistered() {
        List<String> problems = new ArrayList<>();
        for (ClassFileRefs c : metadata.compiledClasses().values()) {
            boolean annotated = c.descriptorTypes().stream().anyMatch(t -> t.matches(
                    "picocli/CommandLine\\$(Command|Option|Parameters|Mixin|Spec|ArgGroup|ParentCommand|Unmatched)"));
            if (annotated && !metadata.registersClass(ClassFileRefs.binaryName(c.name()))) {
                problems.add(ClassFileRefs.binaryName(c.name()) + " has picocli annotations but no reflect-config entry");
            }
        }
        for (ArgSpec arg : allArgs(Main.commandLine())) {
            if (arg.converters().length > 0) continue; // its own converter: no reflective lookup
            List<Class<?>> types = new ArrayList<>(List.of(arg.type()));
            types.addAll(List.of(arg.auxiliaryTypes()));
            for (Class<?> t : types) {
                String factory = PICOCLI_REFLECTIVE_CONVERTERS.get(t);
                if (factory == null) continue;
                String owner = factory.substring(0, factory.indexOf('#'));
                String method = factory.substring(factory.indexOf('#') + 1);
                if (!metadata.registersClass(t.getName()) || !registersMethod(owner, method)) {
                    problems.add("option " + arg.paramLabel() + " is a " + t.getName() + ": picocli converts it with "
                            + owner + "." + method + " found by reflection; register both in reflect-config.json");
                }
            }
        }
        assertEquals(List.of(), problems.stream().distinct().toList()); // mixins repeat options
    }

    @Test
    void configTypesReachableByReflectionAreRegistered() {
        Map<String, ClassFileRefs> classes = metadata.compiledClasses();
        assertTrue(classes.containsKey("loomlab/config/ServerConfig"), "scanned the wrong directory: " + mainClasses);
        assertEquals(List.of(), ReflectionScan.unregistered(classes, metadata));
        // Today's design: the config is read without reflection, so nothing is reachable.
        assertEquals(Map.of(), ReflectionScan.reachableConfigTypes(classes),
                "config types became reachable by reflection: keep them registered, and update docs/native-image.md");
    }

    @Test
    void theConfigRuleCatchesReflectionWithoutMetadata(@TempDir Path noMetadata, @TempDir Path fixMetadata) throws Exception {
        Path fixtures = Path.of(NativeMetadataTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("loomlab/nativeimage/fixture");
        Map<String, ClassFileRefs> classes = new LinkedHashMap<>(metadata.compiledClasses());
        classes.putAll(NativeMetadata.compiledClasses(fixtures));

        // Against no metadata at all (picocli's registers some enums used as option types).
        List<String> problems = ReflectionScan.unregistered(classes, NativeMetadata.of(noMetadata));
        String all = String.join("\n", problems);
        // Direct reflection on ServiceConfig reaches it and the enums it holds...
        for (String type : List.of("ServiceConfig", "Protocol", "Transport", "Mode", "WireOrder")) {
            assertTrue(all.contains("loomlab.config." + type + " is reachable by reflection from "
                    + "loomlab.nativeimage.fixture.ServiceConfigReflection"), () -> type + " not caught:\n" + all);
        }
        // ...and a generic binder is caught through the caller that hands it AdminConfig.class.
        assertTrue(all.contains("loomlab.config.AdminConfig is reachable by reflection from "
                + "loomlab.nativeimage.fixture.RecordBinder"), all);
        assertTrue(!all.contains("ServerConfig") && !all.contains("LogLevel"), "only what is reachable:\n" + all);

        // Registering what is reachable is the fix, and satisfies the rule.
        Path dir = Files.createDirectories(fixMetadata.resolve("META-INF/native-image/fix"));
        StringBuilder json = new StringBuilder("[");
        for (String type : ReflectionScan.reachableConfigTypes(classes).keySet()) {
            if (json.length() > 1) json.append(',');
            json.append("{\"name\":\"").append(ClassFileRefs.binaryName(type)).append("\",\"allDeclaredConstructors\":true,")
                .append("\"allDeclaredFields\":true,\"allDeclaredMethods\":true}");
        }
        Files.writeString(dir.resolve("reflect-config.json"), json.append(']'));
        assertEquals(List.of(), ReflectionScan.unregistered(classes, NativeMetadata.of(fixMetadata)));
    }

    // ---- helpers ----

    private static boolean registersMethod(String owner, String method) {
        Map<String, Object> entry = metadata.reflection.get(owner);
        if (entry == null) return false;
        String name = method.substring(0, method.indexOf('('));
        List<String> params = List.of(method.substring(method.indexOf('(') + 1, method.length() - 1).split(","));
        return Boolean.TRUE.equals(entry.get("allPublicMethods")) || Boolean.TRUE.equals(entry.get("allDeclaredMethods"))
                || listOf(entry.get("methods")).stream().map(m -> (Map<?, ?>) m)
                        .anyMatch(m -> name.equals(m.get("name")) && params.equals(listOf(m.get("parameterTypes"))));
    }

    private static List<ArgSpec> allArgs(CommandLine cl) {
        List<ArgSpec> args = new ArrayList<>(cl.getCommandSpec().args());
        cl.getSubcommands().values().forEach(sub -> args.addAll(allArgs(sub)));
        return args;
    }

    /** Every non-class file in the classes directory, as a resource path ("loomlab/x.json"). */
    private static List<String> shippedResources() throws IOException {
        try (Stream<Path> walk = Files.walk(mainClasses)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".class"))
                    .map(p -> mainClasses.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static List<?> listOf(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            case "short" -> short.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "float" -> float.class;
            case "double" -> double.class;
            default -> name.endsWith("[]")
                    ? load(name.substring(0, name.length() - 2)).arrayType()
                    : Class.forName(name, false, NativeMetadataTest.class.getClassLoader());
        };
    }

    private static Class<?>[] parameterTypes(List<?> names) throws ClassNotFoundException {
        Class<?>[] types = new Class<?>[names.size()];
        for (int i = 0; i < types.length; i++) types[i] = load((String) names.get(i));
        return types;
    }

    private static Map<Class<?>, String> reflectiveConverters() {
        // As registered by picocli 4.7's CommandLine.Interpreter through BuiltIn.registerIfAvailable.
        Map<Class<?>, String> m = new LinkedHashMap<>();
        m.put(java.nio.file.Path.class, "java.nio.file.Paths#get(java.lang.String,java.lang.String[])");
        for (Class<?> t : List.of(java.time.Duration.class, java.time.Instant.class, java.time.LocalDate.class,
                java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.MonthDay.class,
                java.time.OffsetDateTime.class, java.time.OffsetTime.class, java.time.Period.class,
                java.time.Year.class, java.time.YearMonth.class, java.time.ZonedDateTime.class)) {
            m.put(t, t.getName() + "#parse(java.lang.CharSequence)");
        }
        m.put(java.time.ZoneId.class, "java.time.ZoneId#of(java.lang.String)");
        m.put(java.time.ZoneOffset.class, "java.time.ZoneOffset#of(java.lang.String)");
        return m;
    }
}
