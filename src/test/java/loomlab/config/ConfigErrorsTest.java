package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config problems of issue 16 (point 4 and the config side of 1, 2, 5 and 6), each in a message a student can act on. */
class ConfigErrorsTest {

    private static final String ECHO = "{\"name\":\"echo\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}";
    private static final String SERVICES = "\"services\":[" + ECHO + "]";

    private static String problem(String text) {
        return problem(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(byte[] bytes) {
        return assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("c.json", bytes, ConfigOverrides.NONE, 20_000)).getMessage();
    }

    private static ServerConfig read(byte[] bytes) throws ConfigException {
        return ConfigLoader.parse("c.json", bytes, ConfigOverrides.NONE, 20_000);
    }

    @Test
    void hugeDurationsAreOutOfRangeWithTheirPosition() {
        assertEquals("c.json:1:18: 'shutdownGrace': '99999999999m' is out of range: a grace period is from 0s to 1h",
                problem("{\"shutdownGrace\":\"99999999999m\"," + SERVICES + "}"));
        for (String huge : new String[] {"\"9999999999999999999ms\"", "\"9999999999999999h\"", "9223372036854775807"}) {
            assertTrue(problem("{\"shutdownGrace\":" + huge + "," + SERVICES + "}").startsWith("c.json:1:18: 'shutdownGrace': "),
                    huge);
        }
        String deadline = problem("{\"services\":[{\"name\":\"c\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,"
                + "\"requestDeadline\":\"99999999999m\"}]}");
        assertTrue(deadline.endsWith("'requestDeadline': '99999999999m' is out of range: a time limit is 0 (none) or from 1ms to 1d"),
                deadline);
        assertEquals("c.json:1:25: 'threshold': '99999999999m' is out of range: a threshold is from 1ms to 1h",
                problem("{\"pinning\":{\"threshold\":\"99999999999m\"}," + SERVICES + "}"));
    }

    @Test
    void theLargestAcceptedValuesAreAccepted() throws ConfigException {
        ServerConfig c = read(("{\"shutdownGrace\":\"1h\",\"statsInterval\":\"1d\",\"pinning\":{\"threshold\":\"1h\"},"
                + "\"services\":[{\"name\":\"c\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0,"
                + "\"readTimeout\":\"1d\",\"requestDeadline\":86400}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Duration.ofHours(1), c.shutdownGrace());
        assertEquals(Duration.ofDays(1), c.services().get(0).requestDeadline());
    }

    @Test
    void notUtf8IsNamedAtItsLineAndColumn() {
        byte[] bytes = ("{\n  \"services\": [" + ECHO.replace("echo\",\"p", "ech\u00e9\",\"p") + "]}")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("c.json:2:28: not UTF-8 text (byte 0xe9 is no UTF-8 character here): save the file as UTF-8", problem(bytes));
        assertTrue(problem(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0}).contains("UTF-16"));
    }

    @Test
    void aByteOrderMarkIsAccepted() throws ConfigException {
        byte[] text = ("{" + SERVICES + "}").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals(read(text), read(withBom));
        // and the positions after it are the same as without it
        assertTrue(problem(("\uFEFF{\"bogus\":1," + SERVICES + "}").getBytes(StandardCharsets.UTF_8)).startsWith("c.json:1:2:"));
    }

    @Test
    void aRepeatedFieldNamesBothPositions() {
        assertEquals("c.json:1:" + (3 + SERVICES.length()) + ": duplicate field 'services' in the config (first at c.json:1:2);"
                + " each field may appear once", problem("{" + SERVICES + ",\"services\":[]}"));
    }

    @Test
    void everyUnknownFieldIsReportedAtOnce() {
        String m = problem("{\"foo\":1,\"bar\":{\"x\":[1,2]}," + SERVICES + ",\"admin\":{\"enbled\":true}}");
        assertEquals(3, m.lines().count(), m);
        assertTrue(m.contains("c.json:1:2: unknown field 'foo' in the config"), m);
        assertTrue(m.contains("unknown field 'bar' in the config"), m);
        assertTrue(m.contains("unknown field 'enbled' in 'admin' (did you mean 'enabled'?)"), m);
    }

    @Test
    void aTypoNamesEveryLikelyField() {
        String m = problem("{\"services\":[{\"name\":\"e\",\"prot\":\"echo\",\"transport\":\"tcp\",\"port\":0}]}");
        assertTrue(m.contains("unknown field 'prot' in a service (did you mean 'port' or 'protocol'?)"), m);
    }

    @Test
    void noLibraryWording() {
        for (String text : new String[] {"{// a comment\n" + SERVICES + "}", "{" + SERVICES, "{" + SERVICES + ",}",
                "{\"services\":[1" + "9".repeat(2000) + "]}", "{\"services\":\"a\u0001b\"}", "[".repeat(2000),
                "{\"services\":[{\"name\":echo}]}", "{\"services\":[NaN]}", "{\"services\":[01]}", "{\"a\\x\":1}"}) {
            String m = problem(text);
            assertTrue(m.matches("(?s)c\\.json:\\d+:\\d+: .*"), m);
            assertFalse(m.matches("(?s).*(Feature|StreamRead|REDACTED|Source:|code \\d|java|Jackson).*"), m);
        }
        assertTrue(problem("{// a comment\n" + SERVICES + "}").contains("comments (// or /* */) are not allowed"));
    }

    @Test
    void echoedValuesAreEscapedAndShortened() {
        String m = problem("{\"services\":[{\"name\":\"a\\nb\\u001b[31m\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}]}");
        assertTrue(m.contains("service 'a\\nb\\u001b[31m': a name is 1-64 letters"), m);
        assertFalse(m.contains("\u001b"), m);
        String name = "n".repeat(4096);
        String longName = problem("{\"services\":[{\"name\":\"" + name + "\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0}]}");
        assertTrue(longName.contains("'" + "n".repeat(60) + "...' (4096 characters)"), longName);
        assertTrue(longName.length() < 300, longName);
    }

    @Test
    void anObjectWhereAWordBelongsIsDescribed() {
        String m = problem("{\"services\":[{\"name\":\"e\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":0,\"mode\":{}}]}");
        assertTrue(m.endsWith("'mode' must be one of serial, virtual, platform, not an object { ... }"), m);
    }

    @Test
    void aReserveAtOrAboveTheLimitIsAConfigError() throws ConfigException {
        String m = problem("{\"reservedFds\":20000," + SERVICES + "}");
        assertTrue(m.startsWith("c.json:1:2: 'reservedFds' 20000 is not below the open files limit 20000"), m);
        assertEquals(19_999, read(("{\"reservedFds\":19999," + SERVICES + "}").getBytes(StandardCharsets.UTF_8)).reservedFds());
    }

    @Test
    void anAdminPortThatAServiceUsesIsFoundUpFrontAndNamesTheOption() {
        String m = assertThrows(ConfigException.class, () ->
                ConfigLoader.loadDefault(new ConfigOverrides(10009, null, null, false), -1)).getMessage();
        assertEquals("--admin-port 10009: the admin endpoint and service 'calc' both use tcp 127.0.0.1:10009;"
                + " choose another admin port", m);
    }

    @Test
    void unreadableFilesSayWhy(@TempDir Path dir) throws Exception {
        assertEquals(dir + ": is a directory, not a config file",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(dir)).getMessage());
        Path notDir = dir.resolve("file");
        Files.writeString(notDir, "{}");
        assertEquals(notDir.resolve("c.json") + ": cannot read the config file: Not a directory",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(notDir.resolve("c.json"))).getMessage());
        assertEquals("the config file name is empty",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of(""))).getMessage());
        Path locked = dir.resolve("locked.json");
        Files.writeString(locked, "{" + SERVICES + "}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "root reads any file: permission denied cannot be shown");
        assertEquals(locked + ": cannot read the config file: permission denied",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(locked)).getMessage());
    }
}
