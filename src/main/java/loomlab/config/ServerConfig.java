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

    /** A builder with every field at its default and no services. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder().logLevel(logLevel).shutdownGrace(shutdownGrace).statsInterval(statsInterval).admin(admin)
                .services(services).pinning(pinning).reservedFds(reservedFds);
    }

    /** Sets fields one by one; {@link #build} makes the record. Starts at the defaults above. */
    public static final class Builder {
        private LogLevel logLevel = DEFAULT_LOG_LEVEL;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private Duration statsInterval = DEFAULT_STATS_INTERVAL;
        private AdminConfig admin = AdminConfig.DEFAULT;
        private List<ServiceConfig> services = List.of();
        private PinningConfig pinning = PinningConfig.DEFAULT;
        private int reservedFds = DEFAULT_RESERVED_FDS;

        private Builder() { }

        public Builder logLevel(LogLevel level) {
            logLevel = level;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            shutdownGrace = grace;
            return this;
        }

        public Builder statsInterval(Duration interval) {
            statsInterval = interval;
            return this;
        }

        public Builder admin(AdminConfig endpoint) {
            admin = endpoint;
            return this;
        }

        public Builder services(List<ServiceConfig> all) {
            services = all;
            return this;
        }

        public Builder pinning(PinningConfig warnings) {
            pinning = warnings;
            return this;
        }

        public Builder reservedFds(int reserve) {
            reservedFds = reserve;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(logLevel, shutdownGrace, statsInterval, admin, services, pinning, reservedFds);
        }
    }
}
