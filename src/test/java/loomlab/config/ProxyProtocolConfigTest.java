package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** proxyProtocol and trustedProxies: read, written back, and checked with the field's position. */
class ProxyProtocolConfigTest {

    private static String service(String extra) {
        return "{\"services\": [\n  {\"name\": \"echo\", \"protocol\": \"echo\", \"transport\": \"tcp\", \"port\": 0" + extra + "}\n]}";
    }

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse("lab.json", json)).getMessage();
    }

    @Test
    void readAndWrittenBackAsTheyWere() throws Exception {
        ServerConfig c = ConfigLoader.parse("lab.json",
                service(", \"proxyProtocol\": true, \"trustedProxies\": [\"10.0.0.0/8\", \"127.0.0.1\", \"fd00::/8\"]"));
        ServiceConfig s = c.services().get(0);
        assertTrue(s.proxyProtocol());
        assertEquals(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"), s.trustedProxies());
        assertEquals(c, ConfigLoader.parse("printed", ConfigWriter.toJson(c)));
    }

    @Test
    void offByDefaultAndNotPrintedWhenOff() throws Exception {
        ServerConfig c = ConfigLoader.parse("lab.json", service(""));
        assertFalse(c.services().get(0).proxyProtocol());
        assertFalse(ConfigWriter.toJson(c).contains("proxyProtocol"));
    }

    @Test
    void proxyProtocolWithoutTrustedProxiesNamesWhatIsMissing() {
        assertEquals("lab.json:2:71: service 'echo': 'proxyProtocol' needs 'trustedProxies', the balancers' addresses"
                + " (for example [\"127.0.0.1\", \"10.0.0.0/8\"]): a header from anyone else is refused",
                error(service(", \"proxyProtocol\": true")));
    }

    @Test
    void aBadEntryIsNamedWithItsOwnPosition() {
        String message = error(service(", \"proxyProtocol\": true, \"trustedProxies\": [\"127.0.0.1\", \"10.0.0.1/8\", \"10.0.0.0/33\"]"));
        String[] lines = message.split("\n");
        assertEquals(2, lines.length, message);
        assertEquals("lab.json:2:126: service 'echo': 'trustedProxies' entry '10.0.0.1/8' has host bits set"
                + " (write the block's first address)", lines[0]);
        assertEquals("lab.json:2:140: service 'echo': 'trustedProxies' entry '10.0.0.0/33': the prefix length must be 0-32", lines[1]);
        assertTrue(error(service(", \"trustedProxies\": [\"balancer.lab\"]")).contains("'balancer.lab' does not appear to be an IPv4 or IPv6 address"));
    }

    @Test
    void typesAndTransportAreChecked() {
        assertTrue(error(service(", \"proxyProtocol\": \"yes\"")).contains("'proxyProtocol' must be true or false, not 'yes'"));
        assertTrue(error(service(", \"trustedProxies\": \"127.0.0.1\"")).contains("'trustedProxies' must be a list of strings"));
        assertTrue(error(service(", \"trustedProxies\": [1]")).contains("each entry of 'trustedProxies' must be a string"));
        String udp = "{\"services\": [{\"name\": \"u\", \"protocol\": \"calc\", \"transport\": \"udp\", \"port\": 0,"
                + " \"proxyProtocol\": true, \"trustedProxies\": [\"127.0.0.1\"]}]}";
        assertTrue(error(udp).contains("service 'u': 'proxyProtocol' does not fit transport udp"), error(udp));
    }
}
