package loomlab.load.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import loomlab.load.SystemLimits;

/**
 * Threads and memory of this process, for the demo's in-process servers. Platform threads only:
 * the JVM's thread count does not include virtual threads, which is exactly the lesson (a
 * thread per connection costs an OS thread in platform mode and none in virtual mode).
 */
final class ProcessProbe {

    /**
     * @param heapUsed live heap after a GC
     * @param rss      resident bytes, or -1 when the OS does not say
     */
    record Sample(int threads, long heapUsed, long rss) { }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    int threads() {
        return threads.getThreadCount();
    }

    void resetPeak() {
        threads.resetPeakThreadCount();
    }

    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /** After a full GC, so that heap used is what is alive, not garbage waiting for collection. */
    Sample sample() {
        memory.gc();
        return new Sample(threads.getThreadCount(), memory.getHeapMemoryUsage().getUsed(),
                SystemLimits.residentBytes().orElse(-1));
    }
}
