package loomlab.config;

import java.time.Duration;
import java.util.List;

/**
 * Everything the server process runs: its services and the process-wide settings.
 *
 * @param logLevel      how much the server logs
 * @param shutdownGrace how long connections in progress may finish after SIGINT/SIGTERM
 * @param statsInterval a stats line every this often; zero turns it off
 * @param admin         the admin HTTP endpoint
 * @param services      at least one
 * @param pinning       warnings about pinned virtual threads (JFR)
 * @param reservedFds   file descriptors connections may not take when the open files limit is
 *                      lower than the connection limits: kept for the admin endpoint, logging
 *                      and the JVM; 0 lets connections take all of them
 */
public record ServerConfig(
        LogLevel logLevel,
        Duration shutdownGrace,
        Duration statsInterval,
        AdminConfig admin,
        List<ServiceConfig> services,
        PinningConfig pinning,
        int reservedFds) {

    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.INFO;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATS_INTERVAL = Duration.ZERO;
    public static final int DEFAULT_RESERVED_FDS = 64;

    public ServerConfig {
        services = List.copyOf(services);
    }

    /** With the default pinning warnings and descriptor reserve. */
    public ServerConfig(LogLevel logLevel, Duration shutdownGrace, Duration statsInterval, AdminConfig admin,
                        List<ServiceConfig> services) {
        this(logLevel, shutdownGrace, statsInterval, admin, services, PinningConfig.DEFAULT, DEFAULT_RESERVED_FDS);
    }

    public ServerConfig withLogLevel(LogLevel level) {
        return new ServerConfig(level, shutdownGrace, statsInterval, admin, services, pinning, reservedFds);
    }

    public ServerConfig withServices(List<ServiceConfig> newServices) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, newServices, pinning, reservedFds);
    }

    public ServerConfig withShutdownGrace(Duration grace) {
        return new ServerConfig(logLevel, grace, statsInterval, admin, services, pinning, reservedFds);
    }

    public ServerConfig withAdmin(AdminConfig newAdmin) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, newAdmin, services, pinning, reservedFds);
    }

    public ServerConfig withStatsInterval(Duration interval) {
        return new ServerConfig(logLevel, shutdownGrace, interval, admin, services, pinning, reservedFds);
    }

    public ServerConfig withPinning(PinningConfig newPinning) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, services, newPinning, reservedFds);
    }

    public ServerConfig withReservedFds(int reserve) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, services, pinning, reserve);
    }
}
