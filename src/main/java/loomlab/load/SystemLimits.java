package loomlab.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The operating-system limits and figures a load run depends on, read from Linux's /proc. On
 * another OS every value is unknown (empty), and the callers say so rather than guess.
 */
public final class SystemLimits {

    /** Linux's default net.ipv4.ip_local_port_range is 32768-60999. */
    public static final int DEFAULT_EPHEMERAL_PORTS = 60999 - 32768 + 1;

    private SystemLimits() { }

    /** The soft and hard limit of open files (RLIMIT_NOFILE); Long.MAX_VALUE for "unlimited". */
    public record FileLimit(long soft, long hard) { }

    /** From /proc/self/limits: "Max open files  20000  20000  files". */
    public static Optional<FileLimit> fileLimit() {
        return readLines("/proc/self/limits").stream()
                .filter(l -> l.startsWith("Max open files"))
                .findFirst()
                .flatMap(SystemLimits::parseFileLimit);
    }

    static Optional<FileLimit> parseFileLimit(String line) {
        String[] f = line.substring("Max open files".length()).trim().split("\\s+");
        if (f.length < 2) return Optional.empty();
        try {
            return Optional.of(new FileLimit(limit(f[0]), limit(f[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long limit(String text) {
        return text.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(text);
    }

    /** File descriptors this process has open now (the JVM's own: jars, epoll, stdin/out/err). */
    public static OptionalLong openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return OptionalLong.of(fds.count());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** How many ports net.ipv4.ip_local_port_range gives one source address. */
    public static int ephemeralPorts() {
        String range = readFirstLine("/proc/sys/net/ipv4/ip_local_port_range");
        if (range == null) return DEFAULT_EPHEMERAL_PORTS;
        String[] f = range.trim().split("\\s+");
        try {
            return Integer.parseInt(f[1]) - Integer.parseInt(f[0]) + 1;
        } catch (RuntimeException e) {
            return DEFAULT_EPHEMERAL_PORTS;
        }
    }

    /** "32768 60999", or null. */
    public static String ephemeralPortRange() {
        String range = readFirstLine("/proc/sys/net/ipv4/ip_local_port_range");
        return range == null ? null : range.trim().replaceAll("\\s+", " ");
    }

    /** net.core.somaxconn: the cap on every listen backlog. */
    public static OptionalLong somaxconn() {
        return number(readFirstLine("/proc/sys/net/core/somaxconn"));
    }

    /** Resident memory of this process (VmRSS in /proc/self/status), in bytes. */
    public static OptionalLong residentBytes() {
        return readLines("/proc/self/status").stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .findFirst()
                .map(l -> number(l.substring(6).replace("kB", "")))
                .filter(OptionalLong::isPresent)
                .map(kb -> OptionalLong.of(kb.getAsLong() * 1024))
                .orElse(OptionalLong.empty());
    }

    private static OptionalLong number(String text) {
        if (text == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String readFirstLine(String path) {
        List<String> lines = readLines(path);
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static List<String> readLines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
