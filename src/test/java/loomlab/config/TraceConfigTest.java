package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** trace: read for tcp and udp services, written back, off by default; --trace turns it on for all. */
class TraceConfigTest {

    private static String services(String tcpExtra, String udpExtra) {
        return "{\"services\": [\n  {\"name\": \"echo\", \"protocol\": \"echo\", \"transport\": \"tcp\", \"port\": 0" + tcpExtra + "},\n"
                + "  {\"name\": \"calc-udp\", \"protocol\": \"calc\", \"transport\": \"udp\", \"port\": 0" + udpExtra + "}\n]}";
    }

    @Test
    void readForBothTransportsAndWrittenBack() throws Exception {
        ServerConfig c = ConfigLoader.parse("lab.json", services(", \"trace\": true", ", \"trace\": true"));
        assertTrue(c.services().get(0).trace());
        assertTrue(c.services().get(1).trace());
        assertEquals(c, ConfigLoader.parse("printed", ConfigWriter.toJson(c)));
    }

    @Test
    void offByDefaultAndNotPrintedWhenOff() throws Exception {
        ServerConfig c = ConfigLoader.parse("lab.json", services("", ", \"trace\": false"));
        assertFalse(c.services().get(0).trace());
        assertFalse(c.services().get(1).trace());
        assertFalse(ConfigWriter.toJson(c).contains("trace"));
        assertFalse(ConfigLoader.loadDefault().services().stream().anyMatch(ServiceConfig::trace));
    }

    @Test
    void theServeFlagTurnsItOnForEveryService() throws Exception {
        ServerConfig c = ConfigLoader.loadDefault(new ConfigOverrides(null, null, null, true), -1);
        assertFalse(c.services().isEmpty());
        assertTrue(c.services().stream().allMatch(ServiceConfig::trace), c.toString());
    }

    @Test
    void aValueThatIsNoBooleanIsNamed() {
        String message = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("lab.json", services(", \"trace\": \"on\"", ""))).getMessage();
        assertTrue(message.endsWith("'trace' must be true or false, not 'on'"), message);
    }
}
