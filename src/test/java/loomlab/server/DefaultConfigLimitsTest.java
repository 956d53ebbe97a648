package loomlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import loomlab.config.ConfigLoader;
import loomlab.config.ServerConfig;
import loomlab.metrics.RecordingLogger;
import org.junit.jupiter.api.Test;

/** The default config starts without a warning under the lab machines' 20,000 files; a reserve that starves the services warns. */
class DefaultConfigLimitsTest {

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void theDefaultFitsTwentyThousandFiles() {
        ServerConfig config = ConfigLoader.loadDefault();
        assertEquals(19_001, FdLimitCheck.connectionsAllowed(config));
        // What the jar holds at start (22 measured in issue 16) with room to spare, plus reservedFds.
        FdReserve reserve = new FdReserve(200, 0, config.reservedFds());
        FdLimitCheck.log(config, 20_000, reserve, log);
        assertEquals(1, log.lines.size());
        assertEquals(Level.INFO, log.lines.get(0).level(), log.lines.get(0).message());
        assertTrue(FdLimitCheck.connectionBudget(config, 20_000, reserve).isEmpty());
    }

    @Test
    void aReserveThatLeavesFewerConnectionsThanTheLimitsWarnsWithTheFigure() {
        ServerConfig config = ConfigLoader.loadDefault().toBuilder().reservedFds(19_900).build();
        FdLimitCheck.log(config, 20_000, new FdReserve(22, 0, config.reservedFds()), log);
        assertEquals(Level.WARNING, log.lines.get(0).level());
        assertTrue(log.lines.get(0).message().contains("at most 78 connections at once across all services"),
                log.lines.get(0).message());
    }
}
