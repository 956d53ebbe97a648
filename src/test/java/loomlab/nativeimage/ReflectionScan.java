package loomlab.nativeimage;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds where our compiled code uses reflection, and which config types that reflection can
 * reach. A native image sees only what the static analysis proves reachable: a config record
 * read by a reflective binder (Jackson databind, getRecordComponents, Class.forName, ...) loses
 * its constructor and accessors unless it is registered in reflect-config.json.
 */
final class ReflectionScan {

    static final String CONFIG_PACKAGE = "loomlab/config/";

    /** Calls on java.lang.Class that look members or classes up by name at run time. */
    private static final Set<String> REFLECTIVE_CLASS_METHODS = Set.of(
            "forName", "newInstance", "getRecordComponents", "getClasses", "getDeclaredClasses",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
            "getField", "getFields", "getDeclaredField", "getDeclaredFields");

    private ReflectionScan() { }

    /**
     * Whether a call is reflective in the native-image sense. {@code Class.getEnumConstants},
     * {@code Enum.valueOf} and {@code java.lang.reflect.Array} are not: native images support them
     * for every enum and array type they contain.
     */
    static boolean isReflective(ClassFileRefs.Member m) {
        String owner = m.owner();
        if (owner.equals("java/lang/Class")) return REFLECTIVE_CLASS_METHODS.contains(m.name());
        if (owner.equals("java/lang/ClassLoader")) return m.name().equals("loadClass");
        if (owner.equals("java/lang/invoke/MethodHandles$Lookup")) {
            return m.name().startsWith("find") || m.name().startsWith("unreflect");
        }
        if (owner.equals("java/io/ObjectInputStream")) return m.name().equals("readObject");
        return owner.startsWith("java/lang/reflect/") && !owner.equals("java/lang/reflect/Array");
    }

    /** What makes a class a reflection site, or null: the first reflective call or databind type. */
    static String reflectiveUse(ClassFileRefs c) {
        for (ClassFileRefs.Member m : c.members()) {
            if (isReflective(m)) return ClassFileRefs.binaryName(m.owner()) + "." + m.name();
        }
        for (String type : c.allTypes()) {
            // Jackson databind maps JSON onto classes by reflection; we read config with jackson-core.
            if (type.startsWith("com/fasterxml/jackson/databind/")) return ClassFileRefs.binaryName(type);
        }
        return null;
    }

    /**
     * Config records and enums that reflection in {@code classes} may reach, with the site that
     * reaches each. A site reaches the config types it names, and so do the classes that call the
     * site (a generic binder is handed the type by its caller); a reached record also reaches the
     * config types of its components.
     */
    static Map<String, String> reachableConfigTypes(Map<String, ClassFileRefs> classes) {
        Map<String, String> reached = new TreeMap<>();
        for (ClassFileRefs site : classes.values()) {
            String use = reflectiveUse(site);
            if (use == null) continue;
            List<ClassFileRefs> users = new ArrayList<>(List.of(site));
            for (ClassFileRefs c : classes.values()) {
                if (c != site && c.allTypes().contains(site.name())) users.add(c);
            }
            String why = ClassFileRefs.binaryName(site.name()) + " (calls " + use + ")";
            Deque<String> todo = new ArrayDeque<>();
            for (ClassFileRefs u : users) todo.addAll(configTypes(u, classes));
            while (!todo.isEmpty()) {
                String type = todo.pop();
                if (reached.putIfAbsent(type, why) == null) todo.addAll(configTypes(classes.get(type), classes));
            }
        }
        return reached;
    }

    /** The config records and enums a class names (its own type excluded). */
    private static Set<String> configTypes(ClassFileRefs c, Map<String, ClassFileRefs> classes) {
        Set<String> out = new TreeSet<>();
        if (c == null) return out;
        for (String type : c.allTypes()) {
            ClassFileRefs t = classes.get(type);
            if (type.startsWith(CONFIG_PACKAGE) && !type.equals(c.name()) && t != null && t.isRecordOrEnum()) {
                out.add(type);
            }
        }
        return out;
    }

    /**
     * Problems: reachable config types missing from reflect-config, or registered without what a
     * reflective binder needs (records: constructors, accessors and fields).
     */
    static List<String> unregistered(Map<String, ClassFileRefs> classes, NativeMetadata metadata) {
        List<String> problems = new ArrayList<>();
        reachableConfigTypes(classes).forEach((type, why) -> {
            String name = ClassFileRefs.binaryName(type);
            boolean record = "java/lang/Record".equals(classes.get(type).superName());
            if (!metadata.registersClass(name)) {
                problems.add(name + " is reachable by reflection from " + why + " but is not in any reflect-config.json");
            } else if (record && !(metadata.flag(name, "allDeclaredConstructors")
                    && metadata.flag(name, "allDeclaredFields")
                    && (metadata.flag(name, "allDeclaredMethods") || metadata.flag(name, "allPublicMethods")))) {
                problems.add(name + " is reachable by reflection from " + why + ": its reflect-config entry needs"
                        + " allDeclaredConstructors, allDeclaredFields and allDeclaredMethods");
            }
        });
        return problems;
    }
}
