package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void cpuTicksAreUserPlusSystemCountedAfterTheCommandName() {
        // A command name with spaces and parentheses must not shift the fields.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 567 0 0 20 0 23 0 99 1 2 3";
        assertEquals(OptionalLong.of(1234 + 567), ProcFiles.cpuTicks(stat));
    }

    @Test
    void aTruncatedStatLineSaysNothing() {
        assertTrue(ProcFiles.cpuTicks("4242 (java) S 1 2").isEmpty());
        assertTrue(ProcFiles.cpuTicks("garbage").isEmpty());
    }

    @Test
    void statusFieldsAreReadByTheirKey() {
        String status = "Name:\tjava\nVmRSS:\t  81234 kB\nThreads:\t19\nVmRSSX:\t1 kB\n";
        assertEquals(OptionalLong.of(81234), ProcFiles.statusKiB(status, "VmRSS"));
        assertEquals(OptionalLong.of(19), ProcFiles.statusNumber(status, "Threads"));
        assertTrue(ProcFiles.statusNumber(status, "VmHWM").isEmpty());
    }

    @Test
    void sysctlsAreReadWhole() {
        // Files.readString returned "3" for a pid_max of 32768 here.
        if (ProcFiles.read(java.nio.file.Path.of("/proc/sys/kernel/pid_max")) == null) return; // not Linux
        assertTrue(ProcFiles.sysctl("kernel/pid_max").orElseThrow() >= 300, "pid_max is at least 301 on Linux");
        assertTrue(ProcFiles.machineThreads().orElseThrow() > 1);
    }

    @Test
    void thisProcessCanBeReadFromOutside() {
        ProcFiles.Sample me = ProcFiles.sample(ProcessHandle.current().pid());
        if (me == null) return; // not Linux
        assertTrue(me.rssBytes() > 0);
        assertTrue(me.threads() > 1);
        assertTrue(ProcFiles.openFiles(ProcessHandle.current().pid()).orElseThrow() > 2);
    }
}
