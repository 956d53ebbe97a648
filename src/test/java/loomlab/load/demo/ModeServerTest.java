package loomlab.load.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import loomlab.config.ConfigLoader;
import loomlab.config.Mode;
import loomlab.config.Protocol;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.load.Workload;
import org.junit.jupiter.api.Test;

class ModeServerTest {

    @Test
    void theConfigItWritesIsOneServiceOfThatModeThatTheServerAccepts() throws Exception {
        ServerConfig c = ConfigLoader.parse("demo.json", ModeServer.config(Workload.CALC, Mode.PLATFORM, 19_864));
        assertEquals(1, c.services().size());
        ServiceConfig s = c.services().get(0);
        assertEquals(Protocol.CALC, s.protocol());
        assertEquals(Mode.PLATFORM, s.mode());
        assertEquals(0, s.port(), "an ephemeral port, read back from the server's log");
        assertEquals(19_864, s.maxConnections());
        assertEquals(ModeServer.RESERVED_FDS, c.reservedFds());
        assertFalse(c.pinning().enabled(), "no JFR recording in the measured server");
    }

    @Test
    void logLinesShownInTheReportAreMadeVisibleAndShort() {
        assertEquals("a\\x1b[31mb\\x0a", DemoRun.shown("a\u001b[31mb\n"));
        assertEquals(DemoRun.MAX_SHOWN + 1, DemoRun.shown("x".repeat(5_000)).length());
        assertEquals("gpt\\u202etxt.exe \\x5c", DemoRun.shown("gpt\u202etxt.exe \\"), "a bidi override and a backslash too");
    }
}
