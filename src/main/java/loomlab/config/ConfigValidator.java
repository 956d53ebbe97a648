package loomlab.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import loomlab.net.AddressList;

/**
 * The one place where a config's meaning is checked. Every message names the file position of
 * the field at fault and what would be accepted. All problems are reported at once, so a person
 * fixing a config does not have to rerun once per mistake.
 */
public final class ConfigValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_DIGITS_LIMIT = 1_000_000;

    private ConfigValidator() { }

    /** {@code fdLimit}: the open files limit the server will run under; -1 when unknown (not checked). */
    static ServerConfig validate(ParsedConfig parsed, long fdLimit) throws ConfigException {
        List<String> problems = new ArrayList<>(parsed.problems());
        ServerConfig c = parsed.config();
        checkDuration(parsed, "shutdownGrace", c.shutdownGrace(), Durations.Kind.GRACE, problems);
        checkDuration(parsed, "statsInterval", c.statsInterval(), Durations.Kind.INTERVAL, problems);
        checkDuration(parsed, "pinning.threshold", c.pinning().threshold(), Durations.Kind.THRESHOLD, problems);
        checkAdmin(parsed, problems);
        if (c.reservedFds() < 0) {
            problems.add(parsed.where("reservedFds") + ": 'reservedFds' must be 0 or more");
        } else if (fdLimit >= 0 && c.reservedFds() >= fdLimit) {
            problems.add(parsed.where("reservedFds") + ": 'reservedFds' " + c.reservedFds() + " is not below the open files"
                    + " limit " + fdLimit + " (ulimit -n): it would leave no descriptor for connections; lower it"
                    + " (default " + ServerConfig.DEFAULT_RESERVED_FDS + ") or raise the limit");
        }
        if (c.services().isEmpty() && parsed.emptyList("services")) {
            problems.add(parsed.where("services") + ": 'services' is empty: nothing to serve");
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> endpoints = new HashMap<>();
        for (int i = 0; i < c.services().size(); i++) {
            ServiceConfig s = c.services().get(i);
            String path = "services[" + i + "]";
            checkService(parsed, path, s, problems);
            Integer previous = names.putIfAbsent(s.name(), i);
            if (previous != null) {
                problems.add(parsed.where(path + ".name") + ": duplicate service name " + Shown.quoted(s.name())
                        + " (also at " + parsed.where("services[" + previous + "].name") + "); names must be unique");
            }
            if (s.port() != 0) {
                String endpoint = s.transport() + " " + s.host() + ":" + s.port();
                String other = endpoints.putIfAbsent(endpoint, s.name());
                if (other != null) {
                    problems.add(parsed.where(path + ".port") + ": services " + Shown.quoted(other) + " and "
                            + Shown.quoted(s.name()) + " both use " + s.transport().name().toLowerCase() + " "
                            + Shown.escaped(s.host()) + ":" + s.port());
                }
            }
        }
        AdminConfig admin = c.admin();
        if (admin.enabled() && admin.port() != 0) {
            String other = endpoints.get(Transport.TCP + " " + admin.host() + ":" + admin.port());
            if (other != null) {
                problems.add(parsed.where("admin.port") + ": the admin endpoint and service " + Shown.quoted(other)
                        + " both use tcp " + Shown.escaped(admin.host()) + ":" + admin.port() + "; choose another admin port");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return c;
    }

    private static void checkService(ParsedConfig parsed, String path, ServiceConfig s, List<String> problems) {
        String who = "service " + Shown.quoted(s.name());
        if (!NAME.matcher(s.name()).matches()) {
            problems.add(parsed.where(path + ".name") + ": " + who + ": a name is 1-64 letters, digits, '.', '_' or '-'");
        }
        checkPort(parsed.where(path + ".port"), who, s.port(), problems);
        if (s.host().isBlank()) {
            problems.add(parsed.where(path + ".host") + ": " + who + ": 'host' is empty (use 127.0.0.1, 0.0.0.0 or ::)");
        }
        if (s.transport() == Transport.UDP) {
            if (s.protocol() == Protocol.ECHO) {
                problems.add(parsed.where(path + ".protocol") + ": " + who + ": protocol echo is served over tcp only");
            }
            if (parsed.given(path + ".mode")) {
                problems.add(parsed.where(path + ".mode") + ": " + who + ": 'mode' does not fit transport udp"
                        + " (a UDP service has one receive loop; modes serial/virtual/platform are for tcp)");
            }
        } else if (parsed.given(path + ".order")) {
            problems.add(parsed.where(path + ".order") + ": " + who + ": 'order' does not fit transport tcp"
                    + " (the TCP protocols are text; byte order is for udp calc)");
        }
        if (s.backlog() < 1) problems.add(parsed.where(path + ".backlog") + ": " + who + ": 'backlog' must be at least 1");
        checkDuration(parsed, path + ".readTimeout", s.readTimeout(), Durations.Kind.LIMIT, problems);
        checkDuration(parsed, path + ".requestDeadline", s.requestDeadline(), Durations.Kind.LIMIT, problems);
        if (s.maxConnections() < 1) {
            problems.add(parsed.where(path + ".maxConnections") + ": " + who + ": 'maxConnections' must be at least 1");
        }
        if (s.maxConnectionsPerClient() < 0) {
            problems.add(parsed.where(path + ".maxConnectionsPerClient") + ": " + who
                    + ": 'maxConnectionsPerClient' must be 0 (no limit) or more");
        }
        checkProxyProtocol(parsed, path, who, s, problems);
        if (s.maxDigits() < 1 || s.maxDigits() > MAX_DIGITS_LIMIT) {
            problems.add(parsed.where(path + ".maxDigits") + ": " + who + ": 'maxDigits' must be between 1 and " + MAX_DIGITS_LIMIT);
        }
    }

    /** Durations read from a file are in range already; this catches those set in code or by an option. */
    private static void checkDuration(ParsedConfig parsed, String path, Duration d, Durations.Kind kind, List<String> problems) {
        if (!Durations.inRange(d, kind)) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            problems.add(parsed.where(path) + ": '" + field + "' " + Durations.format(d) + " is out of range: "
                    + kind.range());
        }
    }

    private static void checkProxyProtocol(ParsedConfig parsed, String path, String who, ServiceConfig s, List<String> problems) {
        if (s.transport() == Transport.UDP && (s.proxyProtocol() || !s.trustedProxies().isEmpty())) {
            String field = s.proxyProtocol() ? "proxyProtocol" : "trustedProxies";
            problems.add(parsed.where(path + "." + field) + ": " + who + ": '" + field + "' does not fit transport udp"
                    + " (the PROXY protocol is for tcp services)");
            return;
        }
        if (s.proxyProtocol() && s.trustedProxies().isEmpty()) {
            problems.add(parsed.where(path + ".proxyProtocol") + ": " + who + ": 'proxyProtocol' needs 'trustedProxies',"
                    + " the balancers' addresses (for example [\"127.0.0.1\", \"10.0.0.0/8\"]): a header from anyone else is refused");
        }
        for (int i = 0; i < s.trustedProxies().size(); i++) {
            try {
                AddressList.block(s.trustedProxies().get(i));
            } catch (IllegalArgumentException e) {
                problems.add(parsed.where(path + ".trustedProxies[" + i + "]") + ": " + who + ": 'trustedProxies' entry "
                        + e.getMessage());
            }
        }
    }

    private static void checkAdmin(ParsedConfig parsed, List<String> problems) {
        AdminConfig a = parsed.config().admin();
        checkPort(parsed.where("admin.port"), "admin", a.port(), problems);
        if (a.host().isBlank()) problems.add(parsed.where("admin.host") + ": admin: 'host' is empty");
    }

    private static void checkPort(String where, String who, int port, List<String> problems) {
        if (port < 0 || port > 65535) {
            problems.add(where + ": " + who + ": port " + port + " is out of range 0-65535 (0 picks a free port)");
        }
    }
}
