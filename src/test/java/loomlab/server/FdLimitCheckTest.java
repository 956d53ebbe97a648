package loomlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.OptionalLong;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.config.ServerConfig;
import loomlab.config.WireOrder;
import loomlab.metrics.RecordingLogger;
import org.junit.jupiter.api.Test;

class FdLimitCheckTest {

    /** echo 10,000 + calc 10,000 + serial calc 1 + UDP (no connections): like the default config. */
    private final ServerConfig config = TestServers.config(TestServers.echo(Mode.VIRTUAL), TestServers.calc(Mode.VIRTUAL),
            TestServers.calc(Mode.SERIAL), TestServers.udpCalc(WireOrder.LITTLE));
    private final RecordingLogger log = new RecordingLogger();
    /** 22 descriptors open at start, an admin endpoint of 64 connections (66), reservedFds 64. */
    private final FdReserve reserve = new FdReserve(22, 66, 64);

    @Test
    void connectionsAllowedCountsTcpServicesAndOneForSerial() {
        assertEquals(20_001, FdLimitCheck.connectionsAllowed(config));
    }

    @Test
    void aHighEnoughLimitIsOneInfoLine() {
        FdLimitCheck.log(config, 65_536, reserve, log);
        assertEquals(1, log.lines.size());
        assertEquals(Level.INFO, log.lines.get(0).level());
        assertEquals("open files limit: 65536 (the connection limits need up to 20153)", log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config, 65_536, reserve));
    }

    @Test
    void aLowLimitWarnsAndSaysConnectionsBeyondTheBudgetWait() {
        FdLimitCheck.log(config, 20_000, reserve, log);
        RecordingLogger.Line line = log.lines.get(0);
        assertEquals(Level.WARNING, line.level());
        assertTrue(line.message().startsWith("open files limit is 20000, below the 20153 the connection limits may need"
                + " (echo 10000 + calc-virtual 10000 + calc-serial 1 + 22 open at start + 66 for the admin endpoint"
                + " + reservedFds 64): at most 19848 connections at once across all services (the limit minus 152 kept free)"),
                line.message());
        assertTrue(line.message().endsWith("Raise the limit (ulimit -n) or lower maxConnections."));
        assertEquals(OptionalLong.of(19_848), FdLimitCheck.connectionBudget(config, 20_000, reserve));
    }

    @Test
    void theAdminEndpointsShareIsKeptEvenWithoutReservedFds() {
        FdReserve adminOnly = new FdReserve(22, 66, 0);
        assertEquals(OptionalLong.of(1024 - 88), FdLimitCheck.connectionBudget(config.toBuilder().reservedFds(0).build(), 1024, adminOnly));
    }

    @Test
    void withoutAReserveTheWarningSaysAcceptWillFail() {
        FdLimitCheck.log(config.toBuilder().reservedFds(0).build(), 1024, FdReserve.NONE, log);
        assertTrue(log.lines.get(0).message().contains("beyond about 960 connections, accept fails with 'Too many open files'"),
                log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config.toBuilder().reservedFds(0).build(), 1024, FdReserve.NONE));
    }

    @Test
    void aReserveMeasuredNowCountsTheDescriptorsOpenNow() throws Exception {
        FdReserve before = FdReserve.measure(config, 66);
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            FdReserve after = FdReserve.measure(config, 66);
            assertTrue(after.openAtStart() >= before.openAtStart() + 2, before + " then " + after);
            assertEquals(66, after.admin());
            assertEquals(64, after.margin());
        }
        assertEquals(FdReserve.NONE, FdReserve.measure(config.toBuilder().reservedFds(0).build(), 0), "nothing kept: nothing measured");
    }

    @Test
    void theProcessMayRunOutOnlyWhenTheLimitIsLowAndTheReserveSmall() {
        assertTrue(FdLimitCheck.mayRunOut(config.toBuilder().reservedFds(0).build(), 20_000));
        assertTrue(FdLimitCheck.mayRunOut(config.toBuilder().reservedFds(10).build(), 20_000));
        assertTrue(!FdLimitCheck.mayRunOut(config, 20_000), "the default reserve keeps 64");
        assertTrue(!FdLimitCheck.mayRunOut(config.toBuilder().reservedFds(0).build(), 65_536), "the limit covers every connection");
        assertTrue(!FdLimitCheck.mayRunOut(config.toBuilder().reservedFds(0).build(), -1), "unknown: nothing to say");
    }

    @Test
    void anUnknownLimitIsSaidAndNotGuessed() {
        FdLimitCheck.log(config, -1, reserve, log);
        assertEquals("open files limit: unknown on this platform", log.lines.get(0).message());
        assertEquals(OptionalLong.empty(), FdLimitCheck.connectionBudget(config, -1, reserve));
    }
}
