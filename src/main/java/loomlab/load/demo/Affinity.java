package loomlab.load.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * CPU affinity through util-linux's {@code taskset}: which cores this process may use, how to
 * start a child on given cores, and how to move this process (every thread) onto others. Threads
 * started later inherit the mask of the thread that starts them.
 */
final class Affinity {

    private Affinity() { }

    /** The cores this process may run on ("Cpus_allowed_list" of /proc/self/status), or empty. */
    static List<Integer> allowedCores() {
        String status = ProcFiles.read(Path.of("/proc/self/status")); // null when not Linux: no pinning
        return status == null ? List.of() : ProcFiles.statusField(status, "Cpus_allowed_list").map(Affinity::parseList).orElse(List.of());
    }

    /** "0-3,5,7-8" -> [0, 1, 2, 3, 5, 7, 8]; empty on anything else. */
    static List<Integer> parseList(String text) {
        List<Integer> cores = new ArrayList<>();
        try {
            for (String part : text.trim().split(",")) {
                if (part.isBlank()) continue;
                int dash = part.indexOf('-');
                int lo = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
                int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1).trim());
                if (lo < 0 || hi < lo || hi - lo > 4096) return List.of();
                for (int c = lo; c <= hi; c++) cores.add(c);
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return List.copyOf(cores);
    }

    /** [0, 1, 2, 5] -> "0,1,2,5", as taskset takes it. */
    static String format(List<Integer> cores) {
        return cores.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** True when {@code taskset} runs here. */
    static boolean tasksetAvailable() {
        return run(List.of("taskset", "-p", Long.toString(ProcessHandle.current().pid())));
    }

    /** The words to put before a command to start it on these cores (none: anywhere). */
    static List<String> prefix(List<Integer> cores) {
        return cores.isEmpty() ? List.of() : List.of("taskset", "-c", format(cores));
    }

    /** Moves every thread of this process onto these cores; true when taskset said yes. */
    static boolean pinSelf(List<Integer> cores) {
        return run(List.of("taskset", "-a", "-p", "-c", format(cores), Long.toString(ProcessHandle.current().pid())));
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
