package loomlab.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the process uses, for the stats line, {@code /metrics} and {@code /status}: threads,
 * heap, file descriptors, resident memory. Each read costs a system call or a directory listing,
 * so it is for periodic readers, never for the hot path. Values the platform cannot give are -1,
 * and so are values that cannot be read at the moment (no descriptor left to open /proc with):
 * nothing here throws.
 *
 * <p>Reads that open a file take turns (one lock, not {@code synchronized}: a virtual thread may
 * hold it across the read), so however many admin requests and stats lines run at once, they hold
 * one descriptor among them; the descriptor reserve counts on that.
 */
public final class ProcessMetrics {

    private static final long START_NANOS = System.nanoTime();
    private static final ReentrantLock FILE_READS = new ReentrantLock();

    private ProcessMetrics() { }

    /** Live platform threads of the JVM (virtual threads are not counted: they are not OS threads). */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    public static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    /**
     * Open file descriptors, or -1. Counted in /proc/self/fd where there is one (the directory's
     * own descriptor left out); the JVM's bean throws {@link InternalError} when it cannot open the
     * directory (EMFILE), which once killed the stats line.
     */
    public static long openFds() {
        FILE_READS.lock();
        try {
            Path fds = Path.of("/proc/self/fd");
            if (Files.isDirectory(fds)) {
                long n = 0;
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
                    for (Path ignored : entries) n++;
                }
                return Math.max(0, n - 1);
            }
            return unix() instanceof com.sun.management.UnixOperatingSystemMXBean u ? u.getOpenFileDescriptorCount() : -1;
        } catch (IOException | RuntimeException | InternalError e) {
            return -1; // out of descriptors right now, most likely: unknown, not a failure of the caller
        } finally {
            FILE_READS.unlock();
        }
    }

    /**
     * Loads the management beans and their native libraries ({@code libmanagement},
     * {@code libmanagement_ext}) now, while descriptors are plentiful. Loaded for the first time
     * when none is left, a library fails with {@code UnsatisfiedLinkError}, the class that needed
     * it is then unusable for the rest of the run ({@code NoClassDefFoundError}), and
     * {@code /metrics} and {@code /status} with it. Costs tens of milliseconds, once; for the
     * processes that report (serve), not for every command.
     */
    public static void initialise() {
        threads();
        heap();
        cpuNanos();
        if (unix() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            u.getMaxFileDescriptorCount();
            u.getOpenFileDescriptorCount();
        }
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
        FILE_READS.lock();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self", file))) {
                if (line.startsWith(prefix)) return line.substring(prefix.length());
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, /proc not mounted, or no descriptor left: the caller reports unknown or asks the JVM
        } finally {
            FILE_READS.unlock();
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
