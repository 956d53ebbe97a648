package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static String problem(String json) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse("test.json", json)).getMessage();
    }

    private static String services(String... services) {
        return "{\"services\": [" + String.join(",", services) + "]}";
    }

    @Test
    void defaultConfigIsTheLecturesFourServices() {
        ServerConfig c = ConfigLoader.loadDefault();
        assertEquals(List.of("echo", "calc", "calc-serial", "calc-udp"), c.services().stream().map(ServiceConfig::name).toList());
        ServiceConfig echo = c.services().get(0);
        assertEquals(new ServiceConfig("echo", Protocol.ECHO, Transport.TCP, "127.0.0.1", 10000, Mode.VIRTUAL,
                WireOrder.LITTLE, 4096, Duration.ofSeconds(30), 10_000, 0, 4300, Duration.ofSeconds(30), false, List.of(), false), echo);
        assertEquals(10009, c.services().get(1).port());
        assertEquals(Mode.SERIAL, c.services().get(2).mode());
        assertEquals(10010, c.services().get(2).port());
        assertEquals(Transport.UDP, c.services().get(3).transport());
        assertEquals(WireOrder.LITTLE, c.services().get(3).order());
        assertEquals(10009, c.services().get(3).port());
        assertEquals(Duration.ofSeconds(5), c.shutdownGrace());
        assertEquals(LogLevel.INFO, c.logLevel());
    }

    @Test
    void printedConfigReadsBackToTheSameConfig() throws ConfigException {
        ServerConfig c = ConfigLoader.loadDefault();
        assertEquals(c, ConfigLoader.parse("printed", ConfigWriter.toJson(c)));
    }

    @Test
    void minimalServiceTakesDefaults() throws ConfigException {
        ServerConfig c = ConfigLoader.parse("t", services("{\"name\":\"e\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}"));
        ServiceConfig s = c.services().get(0);
        assertEquals("127.0.0.1", s.host());
        assertEquals(Mode.VIRTUAL, s.mode());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
    }

    @Test
    void durationsAndEnumsAreForgiving() throws ConfigException {
        ServerConfig c = ConfigLoader.parse("t", "{\"shutdownGrace\": 2, \"logLevel\": \"QUIET\", \"services\": ["
                + "{\"name\":\"e\",\"protocol\":\"Echo\",\"transport\":\"TCP\",\"port\":0,\"readTimeout\":\"1500ms\",\"mode\":\"platform\"}]}");
        assertEquals(Duration.ofSeconds(2), c.shutdownGrace());
        assertEquals(LogLevel.QUIET, c.logLevel());
        assertEquals(Duration.ofMillis(1500), c.services().get(0).readTimeout());
        assertEquals(Mode.PLATFORM, c.services().get(0).mode());
    }

    @Test
    void fileMissing(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage();
        assertEquals(missing + ": config file not found", m);
    }

    @Test
    void notJsonSaysWhere() {
        String m = problem("{\n  \"services\": [\n    { \"name\": \"x\", }\n  ]\n}");
        assertTrue(m.startsWith("test.json:3:"), m);
        assertTrue(m.contains("not valid JSON"), m);
    }

    @Test
    void unknownFieldWithLineColumnAndSuggestion() {
        String m = problem("{\n  \"services\": [\n    { \"name\": \"e\", \"protocl\": \"echo\" }\n  ]\n}");
        assertTrue(m.startsWith("test.json:3:20: unknown field 'protocl' in a service (did you mean 'protocol'?)"), m);
    }

    @Test
    void unknownTopLevelField() {
        String m = problem("{\"servces\": []}");
        assertTrue(m.startsWith("test.json:1:2: unknown field 'servces' in the config (did you mean 'services'?)"), m);
    }

    @Test
    void portOutOfRange() {
        String m = problem(services("{\"name\":\"e\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":70000}"));
        assertTrue(m.contains("service 'e': port 70000 is out of range 0-65535"), m);
        assertTrue(m.startsWith("test.json:1:"), m);
    }

    @Test
    void duplicateServiceName() {
        String m = problem(services(
                "{\"name\":\"x\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":1000}",
                "{\"name\":\"x\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":1001}"));
        assertTrue(m.contains("duplicate service name 'x'"), m);
    }

    @Test
    void twoServicesOnTheSameTransportHostAndPort() {
        String m = problem(services(
                "{\"name\":\"a\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":1000}",
                "{\"name\":\"b\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":1000}"));
        assertTrue(m.contains("services 'a' and 'b' both use tcp 127.0.0.1:1000"), m);
    }

    @Test
    void tcpAndUdpMayShareAPortNumber() throws ConfigException {
        ConfigLoader.parse("t", services(
                "{\"name\":\"a\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":1000}",
                "{\"name\":\"b\",\"protocol\":\"calc\",\"transport\":\"udp\",\"port\":1000}"));
    }

    @Test
    void modeDoesNotFitUdp() {
        String m = problem(services("{\"name\":\"u\",\"protocol\":\"calc\",\"transport\":\"udp\",\"port\":0,\"mode\":\"serial\"}"));
        assertTrue(m.contains("service 'u': 'mode' does not fit transport udp"), m);
    }

    @Test
    void orderDoesNotFitTcp() {
        String m = problem(services("{\"name\":\"t\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,\"order\":\"big\"}"));
        assertTrue(m.contains("service 't': 'order' does not fit transport tcp"), m);
    }

    @Test
    void echoOverUdpIsNotAService() {
        String m = problem(services("{\"name\":\"u\",\"protocol\":\"echo\",\"transport\":\"udp\",\"port\":0}"));
        assertTrue(m.contains("protocol echo is served over tcp only"), m);
    }

    @Test
    void badEnumValueListsTheChoices() {
        String m = problem(services("{\"name\":\"t\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,\"mode\":\"threads\"}"));
        assertTrue(m.contains("'mode' must be one of serial, virtual, platform, not 'threads'"), m);
    }

    @Test
    void missingRequiredField() {
        String m = problem(services("{\"name\":\"t\",\"protocol\":\"calc\",\"port\":0}"));
        assertTrue(m.contains("service 't': missing field 'transport'"), m);
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        String m = problem(services(
                "{\"name\":\"a\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":-1}",
                "{\"name\":\"b\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,\"backlog\":0}"));
        assertEquals(2, m.lines().count(), m);
    }

    @Test
    void wrongTypeSaysWhatIsExpected() {
        String m = problem(services("{\"name\":\"t\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":\"80\"}"));
        assertTrue(m.contains("'port' must be a whole number"), m);
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, services("{\"name\":\"e\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"host\":\"::1\",\"port\":0}"));
        assertEquals("::1", ConfigLoader.load(file).services().get(0).host());
    }
}
