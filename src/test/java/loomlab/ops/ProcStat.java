package loomlab.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux says about another process in /proc: CPU time, resident memory, threads, open files.
 * For the tests that watch a server process from outside (low fd limit, soak).
 */
record ProcStat(long cpuTicks, long residentKb, int threads, int openFds) {

    /** Clock ticks per second of /proc/PID/stat times; 100 on Linux for decades (USER_HZ). */
    static final int TICKS_PER_SECOND = 100;

    static ProcStat of(long pid) throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        String stat = Files.readString(dir.resolve("stat"));
        // Fields after the command name, which is in parentheses and may itself contain spaces.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);  // field 14 of stat(5)
        long stime = Long.parseLong(f[12]);  // field 15
        long rss = -1;
        int threads = -1;
        for (String line : Files.readAllLines(dir.resolve("status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            if (line.startsWith("Threads:")) threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
        }
        int fds;
        try (Stream<Path> s = Files.list(dir.resolve("fd"))) {
            fds = (int) s.count();
        }
        return new ProcStat(utime + stime, rss, threads, fds);
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }
}
