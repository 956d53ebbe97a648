package loomlab.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.config.WireOrder;
import loomlab.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A traced service on port 0, a client that sends a bad calc request and a good one, and what
 * {@code /traces} says about them: both, newest first, the bad one marked with its reason.
 */
class TracesEndToEndTest {

    private ObservedServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private InetSocketAddress start() throws Exception {
        server = new ObservedServer(
                TestServers.calc(Mode.VIRTUAL).toBuilder().name("calc").trace(true).build(),
                TestServers.echo(Mode.VIRTUAL),
                TestServers.udpCalc(WireOrder.LITTLE).toBuilder().name("calc-udp").trace(true).build());
        return server.admin();
    }

    @Test
    void aBadAndAGoodCalcRequestAreBothThereTheBadOneMarked() throws Exception {
        InetSocketAddress admin = start();
        InetSocketAddress calc = server.address("calc");
        String bad = Wire.calc(calc, "12\u0000x7\u00001\u0000");
        assertTrue(bad.startsWith("ERROR "), bad);
        assertEquals("-3\u0000\u0000", Wire.calc(calc, "5\u00008\u00001\u0000"));
        Wire.echo(server.address("echo"), new byte[] {1, 2, 3}); // not traced

        await().atMost(Duration.ofSeconds(10)).until(() -> traces(admin, "").size() == 2);
        List<Map<String, Object>> traces = traces(admin, "");
        Map<String, Object> good = traces.get(0);
        Map<String, Object> refused = traces.get(1);
        assertEquals("reply", good.get("ending"));
        assertEquals(false, good.get("bad"));
        assertEquals("calc", good.get("service"));
        assertEquals("127.0.0.1", good.get("client"));
        assertEquals("5\\x008\\x001\\x00", field(good, "received", "text"));
        assertEquals("35 00 38 00 31 00", field(good, "received", "hex"));
        assertEquals("-3\\x00\\x00", field(good, "sent", "text"));
        assertEquals(4L, field(good, "sent", "bytes"));

        assertEquals("bad-request", refused.get("ending"));
        assertEquals(true, refused.get("bad"));
        assertEquals(bad.substring("ERROR ".length(), bad.length() - 1), refused.get("reason"), "the reason the client was told");
        assertEquals("12\\x00x7\\x001\\x00", field(refused, "received", "text"));

        assertEquals(2, traces(admin, "?client=127.0.0.1").size());
        assertEquals(2, traces(admin, "?client=127.").size());
        assertEquals(0, traces(admin, "?client=10.0.3.17").size());
        assertEquals(0, traces(admin, "?service=echo").size());
        assertEquals(1, traces(admin, "?limit=1").size());
        assertEquals(400, AdminClient.request(admin, "GET", "/traces?limit=0").statusCode());

        Map<String, Object> all = json(admin, "");
        assertEquals(Map.of("calc", true, "echo", false, "calc-udp", true), traced(all));
    }

    @Test
    void udpDatagramsAreTracedOneRecordEach() throws Exception {
        InetSocketAddress admin = start();
        InetSocketAddress udp = server.address("calc-udp");
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(Wire.PATIENT.readMillis());
            s.send(new DatagramPacket(new byte[] {'h', 'i', 0x1b}, 3, udp));
            ByteBuffer request = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(10).putInt(500).putInt(0);
            s.send(new DatagramPacket(request.array(), 12, udp));
            s.receive(new DatagramPacket(new byte[16], 16));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> traces(admin, "?service=calc-udp").size() == 2);
        List<Map<String, Object>> traces = traces(admin, "?service=calc-udp");
        Map<String, Object> reply = traces.get(0).get("ending").equals("reply") ? traces.get(0) : traces.get(1);
        Map<String, Object> dropped = reply == traces.get(0) ? traces.get(1) : traces.get(0);
        assertEquals("fe 01 00 00", field(reply, "sent", "hex"), "510, little-endian");
        assertEquals(12L, field(reply, "received", "bytes"));
        assertEquals("bad-request", dropped.get("ending"));
        assertEquals("hi\\x1b", field(dropped, "received", "text"));
        assertTrue(((String) dropped.get("reason")).contains("exactly 12 bytes"), dropped.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(InetSocketAddress admin, String query) throws Exception {
        return (Map<String, Object>) AdminClient.parse(AdminClient.get(admin, "/traces" + query));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> traces(InetSocketAddress admin, String query) throws Exception {
        return (List<Map<String, Object>>) json(admin, query).get("traces");
    }

    private static Object field(Map<String, Object> trace, String direction, String name) {
        return ((Map<?, ?>) trace.get(direction)).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> traced(Map<String, Object> all) {
        Map<String, Boolean> traced = new java.util.HashMap<>();
        for (Object s : (List<Object>) all.get("services")) {
            Map<String, Object> service = (Map<String, Object>) s;
            traced.put((String) service.get("name"), (Boolean) service.get("trace"));
        }
        return traced;
    }
}
