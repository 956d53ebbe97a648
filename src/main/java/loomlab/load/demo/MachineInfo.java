package loomlab.load.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loomlab.load.Numbers;
import loomlab.load.SystemLimits;

/** The facts a reader of a demo report needs to compare it with another machine's. */
final class MachineInfo {

    private MachineInfo() { }

    static Map<String, String> collect(String loomlabVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        m.put("cores", Integer.toString(rt.availableProcessors()));
        String cpu = firstValue("/proc/cpuinfo", "model name");
        if (cpu != null) m.put("cpu", cpu);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memory", Numbers.bytes(os.getTotalMemorySize()));
        }
        String distro = firstValue("/etc/os-release", "PRETTY_NAME");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + (distro == null ? "" : " (" + distro.replace("\"", "") + ")"));
        m.put("jdk", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        m.put("max heap", Numbers.bytes(rt.maxMemory()));
        SystemLimits.fileLimit().ifPresent(l -> m.put("open files (ulimit -n)", "soft " + l.soft() + ", hard " + l.hard()));
        SystemLimits.somaxconn().ifPresent(v -> m.put("net.core.somaxconn", Long.toString(v)));
        String range = SystemLimits.ephemeralPortRange();
        if (range != null) m.put("net.ipv4.ip_local_port_range", range);
        m.put("loomlab", loomlabVersion);
        m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return m;
    }

    /** "key : value" or "KEY=value" files: the first value for the key. */
    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (!line.startsWith(key)) continue;
                int sep = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) return line.substring(sep + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the report just leaves the line out
        }
        return null;
    }
}
