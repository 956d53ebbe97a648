package loomlab.config;

/** The optional admin HTTP endpoint (metrics, status, health, dashboard). */
public record AdminConfig(boolean enabled, String host, int port) {

    public static final AdminConfig DEFAULT = new AdminConfig(false, "127.0.0.1", 9090);

    /** A builder at {@link #DEFAULT}. */
    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets fields one by one (the config reader's way to make one); {@link #build} makes the record. */
    public static final class Builder {
        private boolean enabled;
        private String host;
        private int port;

        private Builder(AdminConfig from) {
            enabled = from.enabled;
            host = from.host;
            port = from.port;
        }

        public Builder enabled(boolean on) {
            enabled = on;
            return this;
        }

        public Builder host(String address) {
            host = address;
            return this;
        }

        public Builder port(int number) {
            port = number;
            return this;
        }

        public AdminConfig build() {
            return new AdminConfig(enabled, host, port);
        }
    }
}
