package loomlab.load.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads another process's costs the way {@code top} and {@code ps} do, from Linux's /proc: its CPU
 * time, resident memory and threads, and what the kernel spends on stacks and page tables. The
 * parsing is pure (tested on sample text); reading returns empty where there is no /proc.
 */
final class ProcFiles {

    /** USER_HZ: the unit of /proc/PID/stat's CPU times, 100 on every Linux the JDK runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcFiles() { }

    /** A server process at one moment. */
    record Sample(long cpuTicks, long rssBytes, int threads) {
        double cpuSeconds() {
            return (double) cpuTicks / TICKS_PER_SECOND;
        }
    }

    /** CPU ticks, RSS and threads of a process, or null when it is gone or /proc cannot say. */
    static Sample sample(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (stat == null || status == null) return null;
        OptionalLong ticks = cpuTicks(stat);
        OptionalLong rss = statusKiB(status, "VmRSS");
        OptionalLong threads = statusNumber(status, "Threads");
        if (ticks.isEmpty() || rss.isEmpty() || threads.isEmpty()) return null;
        return new Sample(ticks.getAsLong(), rss.getAsLong() * 1024, (int) threads.getAsLong());
    }

    /** Open descriptors of a process (entries of /proc/PID/fd), or empty. */
    static OptionalLong openFiles(long pid) {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return OptionalLong.of(entries.count());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** KernelStack + PageTables of the whole machine, in bytes, or empty without /proc/meminfo. */
    static OptionalLong kernelBytes() {
        String meminfo = read(Path.of("/proc/meminfo"));
        if (meminfo == null) return OptionalLong.empty();
        OptionalLong stacks = statusKiB(meminfo, "KernelStack");
        OptionalLong tables = statusKiB(meminfo, "PageTables");
        if (stacks.isEmpty() || tables.isEmpty()) return OptionalLong.empty();
        return OptionalLong.of((stacks.getAsLong() + tables.getAsLong()) * 1024);
    }

    /** A number from /proc/sys, e.g. kernel/pid_max. */
    static OptionalLong sysctl(String name) {
        String text = read(Path.of("/proc/sys", name));
        if (text == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(text.trim().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Threads of every process on the machine now (the fourth field of /proc/loadavg: "running/total"). */
    static OptionalLong machineThreads() {
        String text = read(Path.of("/proc/loadavg"));
        if (text == null) return OptionalLong.empty();
        String[] f = text.trim().split("\\s+");
        if (f.length < 4 || f[3].indexOf('/') < 0) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(f[3].substring(f[3].indexOf('/') + 1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime (fields 14 and 15) of a /proc/PID/stat line. The command name (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static OptionalLong cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) return OptionalLong.empty();
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (the state): field n is f[n - 3]
        if (f.length < 13) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** "Key:   1234 kB" in /proc/PID/status or /proc/meminfo: the number, in KiB. */
    static OptionalLong statusKiB(String text, String key) {
        return statusNumber(text, key);
    }

    /** "Key:   1234 ..." : the first number after the key. */
    static OptionalLong statusNumber(String text, String key) {
        Optional<String> value = statusField(text, key);
        if (value.isEmpty()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(value.get().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** "Key:   value" in /proc/PID/status or /proc/meminfo: the value, trimmed, of the first such line. */
    static Optional<String> statusField(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + ":")) return Optional.of(line.substring(key.length() + 1).trim());
        }
        return Optional.empty();
    }

    /**
     * The whole file. Not {@code Files.readString}: /proc files say they are empty, and on
     * /proc/sys that read stops after the first bytes ("3" of pid_max 32768).
     */
    static String read(Path p) {
        try (var in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
