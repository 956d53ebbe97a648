package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.OptionalLong;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.config.ServerConfig;
import loomlab.config.WireOrder;
import org.junit.jupiter.api.Test;

class FdLimitCheckTest {

    /** echo 10,000 + calc 10,000 + serial calc 1 + UDP (no connections): like the default config. */
    private final ServerConfig config = TestServers.config(TestServers.echo(Mode.VIRTUAL), TestServers.calc(Mode.VIRTUAL),
            TestServers.calc(Mode.SERIAL), TestServers.udpCalc(WireOrder.LITTLE));
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void connectionsAllowedCountsTcpServicesAndOneForSerial() {
        assertEquals(20_001, FdLimitCheck.connectionsAllowed(config));
    }

    @Test
    void aHighEnoughLimitIsOneInfoLine() {
        FdLimitCheck.log(config, 65_536, log);
        assertEquals(1, log.lines.size());
        assertEquals(Level.INFO, log.lines.get(0).level());
        assertEquals("open files limit: 65536 (the connection limits need up to 20065)", log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config, 65_536));
    }

    @Test
    void aLowLimitWarnsAndSaysConnectionsBeyondTheBudgetWait() {
        FdLimitCheck.log(config, 20_000, log);
        RecordingLogger.Line line = log.lines.get(0);
        assertEquals(Level.WARNING, line.level());
        assertTrue(line.message().startsWith("open files limit is 20000, below the 20065 the connection limits may need"
                + " (echo 10000 + calc-virtual 10000 + calc-serial 1 + 64 for the JVM and the admin endpoint): at most 19936"
                + " connections at once across all services"), line.message());
        assertTrue(line.message().endsWith("Raise the limit (ulimit -n) or lower maxConnections."));
        assertEquals(OptionalLong.of(19_936), FdLimitCheck.connectionBudget(config, 20_000));
    }

    @Test
    void withoutAReserveTheWarningSaysAcceptWillFail() {
        FdLimitCheck.log(config.withReservedFds(0), 1024, log);
        assertTrue(log.lines.get(0).message().contains("beyond about 960 connections, accept fails with 'Too many open files'"),
                log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config.withReservedFds(0), 1024));
    }

    @Test
    void theProcessMayRunOutOnlyWhenTheLimitIsLowAndTheReserveSmall() {
        assertTrue(FdLimitCheck.mayRunOut(config.withReservedFds(0), 20_000));
        assertTrue(FdLimitCheck.mayRunOut(config.withReservedFds(10), 20_000));
        assertTrue(!FdLimitCheck.mayRunOut(config, 20_000), "the default reserve keeps 64");
        assertTrue(!FdLimitCheck.mayRunOut(config.withReservedFds(0), 65_536), "the limit covers every connection");
        assertTrue(!FdLimitCheck.mayRunOut(config.withReservedFds(0), -1), "unknown: nothing to say");
    }

    @Test
    void anUnknownLimitIsSaidAndNotGuessed() {
        FdLimitCheck.log(config, -1, log);
        assertEquals("open files limit: unknown on this platform", log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config, -1));
    }
}
