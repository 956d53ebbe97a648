package loomlab.config;

/** The optional admin HTTP endpoint (metrics, status, health, dashboard). */
public record AdminConfig(boolean enabled, String host, int port) {

    public static final AdminConfig DEFAULT = new AdminConfig(false, "127.0.0.1", 9090);
}
