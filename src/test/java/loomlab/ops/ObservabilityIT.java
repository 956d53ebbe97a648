package loomlab.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loomlab.Wire;
import loomlab.admin.AdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as an instructor starts it for a demo: {@code --admin-port 0 --stats-interval 1s}. The
 * admin endpoint's address is in the start-up log, stats lines follow the traffic, and a SIGTERM
 * still stops everything cleanly.
 */
class ObservabilityIT {

    @TempDir Path dir;

    @Test
    void adminPortAndStatsIntervalFromTheCommandLine() throws Exception {
        Path config = dir.resolve("demo.json");
        Files.writeString(config, """
                { "logLevel": "quiet", "services": [ { "name": "calc", "protocol": "calc", "transport": "tcp", "port": 0 } ] }
                """);
        try (ServerJar server = ServerJar.start(config, 0, List.of(), "--admin-port", "0", "--stats-interval", "1s")) {
            InetSocketAddress admin = server.admin();
            assertEquals("127.0.0.1", admin.getHostString(), "loopback by default");
            assertTrue(server.hasLine("INFO .*open files limit: "), server.output());

            Wire.assertCalcServes(server.service("calc"));
            server.awaitLines("INFO  \\[loomlab\\] stats: calc 0 open, 1 conns, 1 req \\(\\d+/s\\), 6 B in, 3 B out, 0 err \\| admin \\d+ open, \\d+ conns, \\d+ req \\| jvm ",
                    1, Duration.ofSeconds(30));
            Map<String, Object> status = AdminClient.status(admin);
            assertEquals(1L, AdminClient.service(status, "calc").get("requests"));
            assertEquals("ok\n", AdminClient.get(admin, "/health"));

            assertEquals(0, server.stop(), server.output());
            assertTrue(server.hasLine("\\[calc\\] stopped: served 1 connections, 1 requests, 0 errors"), server.output());
        }
    }
}
