package loomlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import loomlab.HeldPort;
import loomlab.TestServers;
import loomlab.cli.CliRun;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code loomlab check} as a user runs it: exit codes, the languages, the JSON and JUnit files, hostile bytes. */
class CheckCommandTest {

    @TempDir Path dir;

    @Test
    void aCorrectServerExitsZeroAndWritesBothReports() throws Exception {
        try (Server server = TestServers.start(TestServers.calc(Mode.VIRTUAL))) {
            Path json = dir.resolve("report.json");
            Path junit = dir.resolve("report.xml");
            CliRun run = CliRun.of("check", "calc", "127.0.0.1", port(server), "--expect", "concurrent", "--strict",
                    "--lang", "en", "--timeout", "1s", "--pause", "5ms", "--json", json.toString(), "--junit", junit.toString());
            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().contains("Result: PASS (exit 0)"), run::toString);
            assertTrue(run.out().contains("Server kind: concurrent"), run::toString);
            List<String> ids = jsonIds(json);
            assertEquals(15, ids.size(), ids::toString);
            assertEquals("calc.lecture", ids.getFirst());
            Document xml = xml(junit);
            Element suite = xml.getDocumentElement();
            assertEquals("15", suite.getAttribute("tests"));
            assertEquals("0", suite.getAttribute("failures"));
            assertEquals(15, xml.getElementsByTagName("testcase").getLength());
        }
    }

    @Test
    void inSpanishTheProtocolBytesAreTheSame() throws Exception {
        try (Server server = TestServers.start(TestServers.calc(Mode.SERIAL))) {
            CliRun es = CliRun.of("check", "calc", "127.0.0.1", port(server), "--expect", "concurrent", "--lang", "es",
                    "--timeout", "500ms", "--pause", "5ms");
            CliRun en = CliRun.of("check", "calc", "127.0.0.1", port(server), "--expect", "concurrent", "--lang", "en",
                    "--timeout", "500ms", "--pause", "5ms");
            assertEquals(4, es.exit(), es::toString);
            assertEquals(4, en.exit(), en::toString);
            assertTrue(es.out().contains("Resultado: NO APTO (salida 4)"), es::toString);
            assertTrue(es.out().contains("Tu servidor atiende a un cliente cada vez"), es::toString);
            assertTrue(en.out().contains("Your server serves one client at a time"), en::toString);
            String bytes = "35 00 38 00 31 00  \"5\\x008\\x001\\x00\"";
            assertTrue(es.out().contains(bytes) && en.out().contains(bytes), es::toString);
        }
    }

    @Test
    void nothingListeningIsExitTwo() throws Exception {
        try (HeldPort tcp = HeldPort.tcp(); HeldPort udp = HeldPort.udp()) {
            CliRun echo = CliRun.of("check", "echo", "127.0.0.1", String.valueOf(tcp.port()), "--lang", "en");
            assertEquals(2, echo.exit(), echo::toString);
            assertTrue(echo.out().contains("connection refused"), echo::toString);
            assertTrue(echo.out().contains("Result: UNREACHABLE (exit 2)"), echo::toString);
            assertEquals(1, echo.out().lines().filter(l -> l.startsWith("FAIL")).count(), echo::toString);
            CliRun datagram = CliRun.of("check", "udp-calc", "127.0.0.1", String.valueOf(udp.port()), "--lang", "en");
            assertEquals(2, datagram.exit(), datagram::toString);
            assertTrue(datagram.out().contains("port unreachable"), datagram::toString);
        }
    }

    @Test
    void badCommandLinesAreExitOne() {
        CliRun kind = CliRun.of("check", "calc", "127.0.0.1", "10009", "--expect", "parallel");
        assertEquals(1, kind.exit(), kind::toString);
        assertTrue(kind.err().contains("--expect"), kind::toString);
        CliRun order = CliRun.of("check", "udp-calc", "127.0.0.1", "10009", "--order", "middle");
        assertEquals(1, order.exit(), order::toString);
        CliRun noProtocol = CliRun.of("check", "ftp", "127.0.0.1", "21");
        assertEquals(1, noProtocol.exit(), noProtocol::toString);
        CliRun port = CliRun.of("check", "echo", "127.0.0.1", "99999");
        assertEquals(1, port.exit(), port::toString);
    }

    @Test
    void aHostileReplyIsShownEscapedInEveryReport() throws Exception {
        // Terminal escapes, markup, quotes, a byte that is not UTF-8, then the NULs of a reply.
        byte[] hostile = "\u001b[2J\u001b]0;pwned\u0007<failure>&\"'</testsuite>\r\n\u00ff\0\0".getBytes(StandardCharsets.ISO_8859_1);
        try (StudentServer server = StudentServer.tcp(s -> {
            int nuls = 0;
            for (int b; nuls < 3 && (b = s.getInputStream().read()) >= 0; ) if (b == 0) nuls++;
            s.getOutputStream().write(hostile);
        })) {
            Path json = dir.resolve("hostile.json");
            Path junit = dir.resolve("hostile.xml");
            CliRun run = CliRun.of("check", "calc", "127.0.0.1", String.valueOf(server.port()), "--lang", "en",
                    "--timeout", "300ms", "--pause", "5ms", "--json", json.toString(), "--junit", junit.toString());
            assertEquals(4, run.exit(), run::toString);
            assertFalse(run.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), "a control character reached the text report");
            assertTrue(run.out().contains("\"\\x1b[2J\\x1b]0;pwned\\x07<failure>&\\\"'</testsuite>\\r\\n\\xff\\x00\\x00\""),
                    run::toString);
            jsonIds(json); // parses
            Document xml = xml(junit); // parses: nothing the server sent closed an element
            NodeList failures = xml.getElementsByTagName("failure");
            assertTrue(failures.getLength() > 0);
            assertTrue(failures.item(0).getTextContent().contains("<failure>&"), () -> failures.item(0).getTextContent());
        }
    }

    private static String port(Server server) {
        return String.valueOf(TestServers.address(server).getPort());
    }

    /** The ids of the checks in a JSON report, read with the streaming parser (which also proves it is JSON). */
    private static List<String> jsonIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("id")) {
                    p.nextToken();
                    ids.add(p.getText());
                }
            }
        }
        return ids;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
    }
}
