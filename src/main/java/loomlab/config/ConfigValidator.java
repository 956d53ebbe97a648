package loomlab.config;

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

    static ServerConfig validate(ParsedConfig parsed) throws ConfigException {
        List<String> problems = new ArrayList<>();
        ServerConfig c = parsed.config();
        if (c.shutdownGrace().isNegative()) problems.add(parsed.where("shutdownGrace") + ": 'shutdownGrace' must not be negative");
        if (c.statsInterval().isNegative()) problems.add(parsed.where("statsInterval") + ": 'statsInterval' must not be negative");
        checkAdmin(parsed, problems);
        if (c.reservedFds() < 0) problems.add(parsed.where("reservedFds") + ": 'reservedFds' must be 0 or more");
        if (c.services().isEmpty()) {
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
                problems.add(parsed.where(path + ".name") + ": duplicate service name '" + s.name()
                        + "' (also service #" + (previous + 1) + "); names must be unique");
            }
            if (s.port() != 0) {
                String endpoint = s.transport() + " " + s.host() + ":" + s.port();
                String other = endpoints.putIfAbsent(endpoint, s.name());
                if (other != null) {
                    problems.add(parsed.where(path + ".port") + ": services '" + other + "' and '" + s.name()
                            + "' both use " + s.transport().name().toLowerCase() + " " + s.host() + ":" + s.port());
                }
            }
        }
        AdminConfig admin = c.admin();
        if (admin.enabled() && admin.port() != 0) {
            String other = endpoints.get(Transport.TCP + " " + admin.host() + ":" + admin.port());
            if (other != null) {
                problems.add(parsed.where("admin.port") + ": the admin endpoint and service '" + other
                        + "' both use tcp " + admin.host() + ":" + admin.port());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return c;
    }

    private static void checkService(ParsedConfig parsed, String path, ServiceConfig s, List<String> problems) {
        String who = "service '" + s.name() + "'";
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
        if (s.readTimeout().isNegative()) {
            problems.add(parsed.where(path + ".readTimeout") + ": " + who + ": 'readTimeout' must not be negative");
        }
        if (s.requestDeadline().isNegative()) {
            problems.add(parsed.where(path + ".requestDeadline") + ": " + who + ": 'requestDeadline' must not be negative");
        }
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
