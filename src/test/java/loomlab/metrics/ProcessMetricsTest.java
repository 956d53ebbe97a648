package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void openDescriptorsAreCountedAndFollowWhatIsOpened() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc/self/fd here");
        ProcessMetrics.initialise();
        long before = ProcessMetrics.openFds();
        assertTrue(before > 0, "stdin, stdout, stderr at least: " + before);
        List<java.net.ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) sockets.add(new java.net.ServerSocket(0));
            assertTrue(ProcessMetrics.openFds() >= before + 5, "five more sockets: " + ProcessMetrics.openFds() + " after " + before);
        } finally {
            for (var s : sockets) s.close();
        }
    }

    @Test
    void anUnknownLimitIsMinusOne() {
        assertEquals(-1, ProcessMetrics.softLimitFromProc("Max flux capacitors"));
    }
}
