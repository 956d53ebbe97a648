package loomlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import loomlab.config.ConfigLoader;
import loomlab.config.ServerConfig;
import org.junit.jupiter.api.Test;

/** The default config starts without a warning under the lab machines' 20,000 files; a reserve that starves the services warns. */
class DefaultConfigLimitsTest {

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void theDefaultFitsTwentyThousandFiles() {
        ServerConfig config = ConfigLoader.loadDefault();
        assertEquals(19_001, FdLimitCheck.connectionsAllowed(config));
        FdLimitCheck.log(config, 20_000, log);
        assertEquals(1, log.lines.size());
        assertEquals(Level.INFO, log.lines.get(0).level(), log.lines.get(0).message());
        assertTrue(FdLimitCheck.connectionBudget(config, 20_000).isEmpty());
    }

    @Test
    void aReserveThatLeavesFewerConnectionsThanTheLimitsWarnsWithTheFigure() {
        ServerConfig config = ConfigLoader.loadDefault().withReservedFds(19_999);
        FdLimitCheck.log(config, 20_000, log);
        assertEquals(Level.WARNING, log.lines.get(0).level());
        assertTrue(log.lines.get(0).message().startsWith("open files limit is 20000")
                || log.lines.get(0).message().contains("at most 1 connections"), log.lines.get(0).message());
        FdLimitCheck.log(ConfigLoader.loadDefault().withReservedFds(50_000), 65_536, log);
        assertEquals(Level.WARNING, log.lines.get(1).level());
        assertEquals("reservedFds 50000 leaves at most 15536 connections at once across all services under the open files"
                + " limit 65536 (the connection limits allow 19001); more wait in the backlog. Lower reservedFds or raise"
                + " the limit (ulimit -n).", log.lines.get(1).message());
    }
}
