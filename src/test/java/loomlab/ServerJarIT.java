package loomlab;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the built jar in its own process, reached over its sockets like a student would. */
class ServerJarIT {

    private static final String CONFIG = """
            {
              "shutdownGrace": "5s",
              "services": [
                { "name": "echo",        "protocol": "echo", "transport": "tcp", "port": 0 },
                { "name": "calc",        "protocol": "calc", "transport": "tcp", "port": 0 },
                { "name": "calc-serial", "protocol": "calc", "transport": "tcp", "port": 0, "mode": "serial" },
                { "name": "calc-udp",    "protocol": "calc", "transport": "udp", "port": 0 }
              ]
            }
            """;

    @TempDir static Path dir;
    static ServerProcess server;

    @BeforeAll
    static void start() throws IOException {
        Path config = dir.resolve("lab.json");
        Files.writeString(config, CONFIG);
        server = ServerProcess.start("--config", config.toString()).awaitServing("echo", "calc", "calc-serial", "calc-udp");
    }

    @AfterAll
    static void kill() {
        if (server != null) server.close();
    }

    private static InetSocketAddress at(String service) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port(service));
    }

    @Test
    void echoCalcAndUdpCalcAnswer() throws Exception {
        try (Socket s = Wire.connect(at("echo"))) {
            s.getOutputStream().write(Bytes.ascii("Esto es una cadena \0"));
            assertEquals("Esto es una cadena \\0", Bytes.show(Wire.readToNul(s)));
        }
        assertEquals("-3\\0\\0", Wire.calc(at("calc"), "5", "8", "1"));
        assertEquals("13\\0\\0", Wire.calc(at("calc-serial"), "5", "8", "0"));
        assertEquals("ERROR not a number: \"x\"\\0", Wire.calc(at("calc"), "x", "8", "0"));
        try (DatagramSocket u = new DatagramSocket()) {
            u.setSoTimeout(5_000);
            byte[] req = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(10).putInt(500).putInt(0).array();
            u.send(new DatagramPacket(req, 12, at("calc-udp")));
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            u.receive(reply);
            assertEquals(510, ByteBuffer.wrap(reply.getData(), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        // The lecture's log line, with the client's address.
        await().atMost(Duration.ofSeconds(5)).until(() -> server.log().stream()
                .anyMatch(l -> l.matches(".* INFO  \\[echo\\] connection from 127\\.0\\.0\\.1:\\d+")));
        assertTrue(server.log().stream().anyMatch(l -> l.contains("WARN  [calc] bad request from 127.0.0.1:")), server.log().toString());
    }

    @Test
    void lecturesOwnPythonClientsWork() throws Exception {
        assumeTrue(python() != null, "python3 not installed: the lecture's clients were not run");
        assertEquals(List.of("connecting to 127.0.0.1 port " + server.port("echo"), "Recibido= Esto es una cadena ", "closing socket"),
                runPython("client_echo.py", "127.0.0.1", String.valueOf(server.port("echo"))));
        assertEquals("-3", runPython("client_calc.py", "127.0.0.1", String.valueOf(server.port("calc"))).get(1));
        assertEquals("-3", runPython("client_calc.py", "127.0.0.1", String.valueOf(server.port("calc-serial"))).get(1));
        assertEquals("(510,)", runPython("udp_client_calc.py", "127.0.0.1", String.valueOf(server.port("calc-udp"))).get(0));
        assertEquals("(4294966806,)", runPython("udp_client_calc.py", "127.0.0.1", String.valueOf(server.port("calc-udp")),
                "10", "500", "1").get(0));
    }

    @Test
    void portInUseExitsWithSystemErrorNamingServiceAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Path config = dir.resolve("busy.json");
            Files.writeString(config, "{\"services\":[{\"name\":\"busy\",\"protocol\":\"echo\",\"transport\":\"tcp\",\"port\":"
                    + taken.getLocalPort() + "}]}");
            try (ServerProcess p = ServerProcess.start("--config", config.toString())) {
                assertTrue(p.process().waitFor(30, TimeUnit.SECONDS));
                assertEquals(2, p.process().exitValue());
                await().atMost(Duration.ofSeconds(5)).until(() -> p.log().stream().anyMatch(l ->
                        l.contains("cannot start service 'busy': tcp 127.0.0.1:" + taken.getLocalPort() + " is not available")));
            }
        }
    }

    @Test
    void configTypoExitsWithConfigErrorAndPosition() throws Exception {
        Path config = dir.resolve("typo.json");
        Files.writeString(config, "{\n \"services\": [ { \"name\": \"e\", \"prot\": \"echo\" } ]\n}");
        try (ServerProcess p = ServerProcess.start("--config", config.toString())) {
            assertTrue(p.process().waitFor(30, TimeUnit.SECONDS));
            assertEquals(3, p.process().exitValue());
            await().atMost(Duration.ofSeconds(5)).until(() -> p.log().stream().anyMatch(l ->
                    l.contains("typo.json:2:") && l.contains("unknown field 'prot'")));
        }
    }

    @Test
    void sigtermStopsGracefullyWithSummaryAndExitZero() throws Exception {
        Path config = dir.resolve("one.json");
        Files.writeString(config, "{\"services\":[{\"name\":\"c\",\"protocol\":\"calc\",\"transport\":\"tcp\",\"port\":0}]}");
        ServerProcess p = ServerProcess.start("--config", config.toString()).awaitServing("c");
        try (Socket inProgress = Wire.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p.port("c")))) {
            inProgress.getOutputStream().write(Bytes.ascii("5\0"));
            await().atMost(Duration.ofSeconds(10)).until(() -> p.log().stream().anyMatch(l -> l.contains("connection from")));
            p.sigterm();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertTrue(p.log().stream().anyMatch(l -> l.contains("SIGTERM: stopping")), p.log().toString()));
            inProgress.getOutputStream().write(Bytes.ascii("8\0" + "0\0"));
            assertEquals("13\\0\\0", Bytes.show(Wire.readAll(inProgress)));
        }
        assertEquals(0, p.stop());
        assertTrue(p.log().stream().anyMatch(l -> l.contains("[c] stopped: served 1 connections, 1 requests, 0 errors")), p.log().toString());
    }

    private static String python() {
        return LectureClients.python();
    }

    private static List<String> runPython(String script, String... args) throws Exception {
        return LectureClients.run(dir, script, args);
    }
}
