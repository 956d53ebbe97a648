package loomlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import loomlab.config.Shown;

/**
 * Where a command will write its report, checked before the run starts: a load run or a demo
 * that takes minutes must not end with "cannot write" and the results lost.
 */
final class OutputPaths {

    private OutputPaths() { }

    /** Why {@code file} cannot be written as a file, or null when it can (as far as can be told before writing). */
    static String fileProblem(Path file) {
        if (Files.isDirectory(file)) return shown(file) + " is a directory, not a file";
        if (Files.exists(file)) return Files.isWritable(file) ? null : shown(file) + " cannot be written: permission denied";
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) return null;
        if (!Files.exists(parent)) return "the directory " + shown(parent) + " does not exist";
        if (!Files.isDirectory(parent)) return shown(parent) + " is not a directory";
        if (!Files.isWritable(parent)) return "the directory " + shown(parent) + " cannot be written: permission denied";
        return null;
    }

    /** Why {@code dir} cannot be a report directory (created with its parents if need be), or null. */
    static String directoryProblem(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return null;
        if (!Files.isDirectory(p)) {
            return p.equals(dir.toAbsolutePath()) ? shown(dir) + " is a file, not a directory"
                    : shown(p) + " is a file, so " + shown(dir) + " cannot be made a directory";
        }
        if (!Files.isWritable(p)) return "the directory " + shown(p) + " cannot be written: permission denied";
        return null;
    }

    private static String shown(Path p) {
        return "'" + Shown.escaped(p.toString(), 500) + "'";
    }
}
