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
 */
public record ServerConfig(
        LogLevel logLevel,
        Duration shutdownGrace,
        Duration statsInterval,
        AdminConfig admin,
        List<ServiceConfig> services,
        PinningConfig pinning) {

    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.INFO;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATS_INTERVAL = Duration.ZERO;

    public ServerConfig {
        services = List.copyOf(services);
    }

    /** With the default pinning warnings. */
    public ServerConfig(LogLevel logLevel, Duration shutdownGrace, Duration statsInterval, AdminConfig admin,
                        List<ServiceConfig> services) {
        this(logLevel, shutdownGrace, statsInterval, admin, services, PinningConfig.DEFAULT);
    }

    public ServerConfig withLogLevel(LogLevel level) {
        return new ServerConfig(level, shutdownGrace, statsInterval, admin, services, pinning);
    }

    public ServerConfig withServices(List<ServiceConfig> newServices) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, newServices, pinning);
    }

    public ServerConfig withShutdownGrace(Duration grace) {
        return new ServerConfig(logLevel, grace, statsInterval, admin, services, pinning);
    }

    public ServerConfig withAdmin(AdminConfig newAdmin) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, newAdmin, services, pinning);
    }

    public ServerConfig withStatsInterval(Duration interval) {
        return new ServerConfig(logLevel, shutdownGrace, interval, admin, services, pinning);
    }

    public ServerConfig withPinning(PinningConfig newPinning) {
        return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, services, newPinning);
    }
}
