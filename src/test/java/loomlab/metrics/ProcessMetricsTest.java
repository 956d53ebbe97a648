package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {

    @Test
    void theOpenFilesLimitFromProcIsTheOneTheJvmReports() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/limits")), "no /proc/self/limits here");
        var os = (com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        assertEquals(os.getMaxFileDescriptorCount(), ProcessMetrics.softLimitFromProc("Max open files"));
        assertEquals(os.getMaxFileDescriptorCount(), ProcessMetrics.maxFds());
    }

    @Test
    void anUnknownLimitIsMinusOne() {
        assertEquals(-1, ProcessMetrics.softLimitFromProc("Max flux capacitors"));
    }
}
