package loomlab.metrics;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The virtual-thread scheduler's own figures, where the JDK has them: JDK 24 and later register
 * {@code jdk.management:type=VirtualThreadScheduler} (parallelism, pool size, mounted and queued
 * virtual threads). Read through JMX by name, so that the code compiles for and runs on JDK 21,
 * where {@link #read} is empty. For periodic readers (a scrape), not the hot path.
 */
public final class VirtualThreadScheduler {

    /** One reading. */
    public record Figures(long parallelism, long poolSize, long mounted, long queued) { }

    private static final String NAME = "jdk.management:type=VirtualThreadScheduler";
    /** True once we know this JDK has no such bean (or no JMX at all, as in a native image). */
    private static volatile boolean absent;

    private VirtualThreadScheduler() { }

    public static Optional<Figures> read() {
        if (absent) return Optional.empty();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (!server.isRegistered(name)) {
                absent = true;
                return Optional.empty();
            }
            return Optional.of(new Figures(number(server, name, "Parallelism"), number(server, name, "PoolSize"),
                    number(server, name, "MountedVirtualThreadCount"), number(server, name, "QueuedVirtualThreadCount")));
        } catch (JMException | RuntimeException | LinkageError e) {
            absent = true;
            return Optional.empty();
        }
    }

    private static long number(MBeanServer server, ObjectName name, String attribute) throws JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
