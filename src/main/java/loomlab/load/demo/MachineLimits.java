package loomlab.load.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import loomlab.load.Numbers;
import loomlab.load.SystemLimits;

/**
 * The limits that decide how many clients the demo can run here, read from the machine: every
 * client is a socket in this process (the load generator) and a connection in the server's (one
 * file each, under the open-files limit of each process); every connection to one server port
 * takes an ephemeral port; in platform mode every connection is an OS thread, under limits shared
 * with every process of the machine.
 *
 * @param openFiles      the open-files limit of each process (soft; Long.MAX_VALUE when unknown)
 * @param openNow        files this process holds already
 * @param ephemeralPorts ports one source address has for one server port
 * @param pidMax         kernel.pid_max: threads of all processes together (0 when unknown)
 * @param threadsNow     threads running on the machine now
 * @param maxMapCount    vm.max_map_count: memory maps per process; a thread's stack takes two
 */
record MachineLimits(long openFiles, long openNow, int ephemeralPorts, long pidMax, long threadsNow, long maxMapCount) {

    /** Files of the load generator beyond its clients' sockets (server pipes, logs, the live page, slack). */
    static final int LOAD_MARGIN = 100;
    /** A server's own descriptors (jars, epoll, pipes) are covered by its reserve, plus slack. */
    static final int SERVER_MARGIN = ModeServer.RESERVED_FDS + 72;

    static MachineLimits read() {
        long files = SystemLimits.fileLimit().map(SystemLimits.FileLimit::soft).orElse(Long.MAX_VALUE);
        return new MachineLimits(files, SystemLimits.openFiles().orElse(50), SystemLimits.ephemeralPorts(),
                ProcFiles.sysctl("kernel/pid_max").orElse(0), ProcFiles.machineThreads().orElse(0),
                ProcFiles.sysctl("vm/max_map_count").orElse(0));
    }

    long loadSide() {
        return openFiles - openNow - LOAD_MARGIN;
    }

    long serverSide() {
        return openFiles - SERVER_MARGIN;
    }

    /** The most clients (connections to one server) that fit, rounded down to hundreds. */
    int largestClients() {
        // Ephemeral ports do not limit: past what one source address connects quickly, the clients
        // are spread over more loopback addresses (SourceAddresses).
        long fit = Math.min(loadSide(), serverSide());
        fit = Math.min(fit, 1_000_000);
        if (fit >= 200) fit = fit / 100 * 100;
        return (int) Math.max(1, fit);
    }

    /**
     * How many more OS threads one process could start now, or -1 when unknown: the machine's
     * threads are capped by kernel.pid_max (for all processes together), a process's by
     * vm.max_map_count (two maps per thread stack).
     */
    long platformThreadsLeft() {
        if (pidMax <= 0 || maxMapCount <= 0) return -1;
        return Math.max(0, Math.min(pidMax - threadsNow, maxMapCount / 2));
    }

    /** The limits in words, for the report. */
    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        int largest = largestClients();
        m.put("largest client count", Numbers.grouped(largest));
        m.put("open files per process", openFiles == Long.MAX_VALUE ? "unlimited"
                : Numbers.grouped(openFiles) + " (ulimit -n): the load generator needs one per client (it holds "
                  + Numbers.grouped(openNow) + " already, and keeps " + LOAD_MARGIN + " spare), each server one per connection ("
                  + SERVER_MARGIN + " kept for its own)");
        m.put("ephemeral ports", Numbers.grouped(ephemeralPorts) + " per source address and server port (net.ipv4.ip_local_port_range);"
                + " past half of them connects slow down, so larger steps spread their clients over 127.0.0.2, 127.0.0.3, ...");
        long left = platformThreadsLeft();
        if (left >= 0) {
            m.put("threads", "kernel.pid_max " + Numbers.grouped(pidMax) + " for all processes together ("
                    + Numbers.grouped(threadsNow) + " running when the demo began), vm.max_map_count " + Numbers.grouped(maxMapCount)
                    + " per process (two per thread): a platform server can start about " + Numbers.grouped(left) + " threads"
                    + (left < largest ? ", fewer than the largest step needs" : ""));
        }
        return m;
    }
}
