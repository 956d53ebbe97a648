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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(name + " ")) {
                    String soft = line.substring(name.length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the caller asks the JVM
        }
        return -1;
    }

    /** Resident set size in bytes, from /proc/self/status (Linux), or -1. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: unknown
        }
        return -1;
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
