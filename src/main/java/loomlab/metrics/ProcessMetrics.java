package loomlab.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process uses, for the stats line, {@code /metrics} and {@code /status}: threads,
 * heap, file descriptors, resident memory. Each read costs a system call or a directory listing,
 * so it is for periodic readers, never for the hot path. Values the platform cannot give are -1.
 */
public final class ProcessMetrics {

    private static final long START_NANOS = System.nanoTime();

    private ProcessMetrics() { }

    /** Live platform threads of the JVM (virtual threads are not counted: they are not OS threads). */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    public static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    public static long openFds() {
        return unix() instanceof com.sun.management.UnixOperatingSystemMXBean u ? u.getOpenFileDescriptorCount() : -1;
    }

    /**
     * The effective (soft) limit on open files, after the JVM raised it to the hard limit if it
     * could. Read from /proc/self/limits where there is one: the server sizes its connection
     * budget from it before it binds, and the management beans cost tens of milliseconds of
     * class loading on a cold JVM.
     */
    public static long maxFds() {
        long soft = softLimitFromProc("Max open files");
        if (soft != -1) return soft;
        return unix() instanceof com.sun.management.UnixOperatingSystemMXBean u ? u.getMaxFileDescriptorCount() : -1;
    }

    /** The soft limit on a line of /proc/self/limits ("unlimited" is Long.MAX_VALUE), or -1. */
    static long softLimitFromProc(String name) {
        String values = procField("limits", name + " ");
        if (values == null) return -1;
        String soft = values.trim().split("\\s+")[0];
        try {
            return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Resident set size in bytes, from /proc/self/status (Linux), or -1. */
    public static long residentBytes() {
        String kib = procField("status", "VmRSS:");
        if (kib == null) return -1;
        try {
            return Long.parseLong(kib.replaceAll("[^0-9]", "")) * 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The rest of the first line of /proc/self/{@code file} that starts with {@code prefix}, or
     * null when there is none (not Linux, or /proc not mounted).
     */
    private static String procField(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self", file))) {
                if (line.startsWith(prefix)) return line.substring(prefix.length());
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the caller reports unknown or asks the JVM
        }
        return null;
    }

    /** Process CPU time (user + system) in nanoseconds, or -1. */
    public static long cpuNanos() {
        return unix() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    public static double uptimeSeconds() {
        return (System.nanoTime() - START_NANOS) / 1e9;
    }

    private static OperatingSystemMXBean unix() {
        return ManagementFactory.getOperatingSystemMXBean();
    }
}
