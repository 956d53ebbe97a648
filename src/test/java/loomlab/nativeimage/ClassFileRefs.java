package loomlab.nativeimage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one compiled class refers to, read from its constant pool: the classes it names, the
 * fields and methods it calls, its string constants and every type written in a descriptor or
 * generic signature. Enough to tell, without running anything, whether a class uses reflection
 * and on which of our types. (The tests compile for Java 21, which has no class-file API.)
 *
 * @param name       internal name, e.g. "loomlab/config/ServerConfig"
 * @param superName  internal name of the superclass ("java/lang/Record" for a record)
 */
record ClassFileRefs(String name, String superName, Set<String> classes, List<Member> members,
                     Set<String> strings, Set<String> descriptorTypes) {

    /** A field or method this class uses: owner in internal form, member name, descriptor. */
    record Member(String owner, String name, String descriptor) { }

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    static ClassFileRefs read(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            return read(new DataInputStream(in));
        }
    }

    private static ClassFileRefs read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    first[i] = in.readUnsignedShort();
                }
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        String name = utf8[first[in.readUnsignedShort()]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : utf8[first[superIndex]];

        Set<String> classes = new TreeSet<>();
        List<ClassFileRefs.Member> members = new ArrayList<>();
        Set<String> strings = new TreeSet<>();
        Set<String> descriptorTypes = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            switch (tags[i]) {
                case 7 -> classes.add(elementType(utf8[first[i]]));
                case 8 -> strings.add(utf8[first[i]]);
                case 9, 10, 11 -> {
                    int nameAndType = second[i];
                    members.add(new Member(elementType(utf8[first[first[i]]]),
                            utf8[first[nameAndType]], utf8[second[nameAndType]]));
                }
                case 1 -> {
                    Matcher m = TYPE_IN_DESCRIPTOR.matcher(utf8[i]);
                    while (m.find()) descriptorTypes.add(m.group(1));
                }
                default -> { }
            }
        }
        return new ClassFileRefs(name, superName, classes, members, strings, descriptorTypes);
    }

    /** "[Lfoo/Bar;" and "[[Lfoo/Bar;" name foo/Bar; a plain internal name stays as it is. */
    private static String elementType(String classEntry) {
        String s = classEntry.replaceFirst("^\\[+", "");
        return s.startsWith("L") && s.endsWith(";") ? s.substring(1, s.length() - 1) : s;
    }

    /** Every type this class names, in code or in a signature. */
    Set<String> allTypes() {
        Set<String> all = new TreeSet<>(classes);
        all.addAll(descriptorTypes);
        members.forEach(m -> all.add(m.owner()));
        return all;
    }

    boolean isRecordOrEnum() {
        return "java/lang/Record".equals(superName) || "java/lang/Enum".equals(superName);
    }

    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }
}
