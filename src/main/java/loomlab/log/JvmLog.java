package loomlab.log;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * The JVM's own log output (unified logging, {@code -Xlog}), adjusted from inside the process so
 * that it holds for every way loomlab is started (the jar, {@code make run}, the systemd unit,
 * the demo's in-process servers) without a launch flag.
 */
public final class JvmLog {

    private static final AtomicBoolean THREAD_WARNINGS_OFF = new AtomicBoolean();

    private JvmLog() { }

    /**
     * Turns off the JVM's {@code [os,thread]} warnings ("Failed to start thread ... pthread_create
     * failed (EAGAIN)"), which it prints on stdout once per failed thread: in platform mode beyond
     * what the OS allows that is a flood. loomlab logs these failures itself, rate-limited
     * (AcceptLoop). The same as {@code -Xlog:os+thread=off}, through the DiagnosticCommand bean;
     * where there is none (a native image), nothing changes.
     */
    public static void silenceThreadStartWarnings() {
        if (!THREAD_WARNINGS_OFF.compareAndSet(false, true)) return;
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmLog", new Object[] {new String[] {"what=os+thread=off"}}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError unavailable) {
            System.getLogger("loomlab").log(System.Logger.Level.DEBUG,
                    () -> "cannot turn off the JVM's thread-start warnings: " + unavailable);
        }
    }
}
