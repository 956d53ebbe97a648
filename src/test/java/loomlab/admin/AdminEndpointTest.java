package loomlab.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loomlab.Wire;
import loomlab.protocol.udpcalc.UdpCalcCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint as Prometheus, a script and a probe see it, after known traffic. */
class AdminEndpointTest {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*\\})? (-?[0-9.eE+-]+|NaN)");

    private ObservedServer s;

    @BeforeEach
    void start() throws Exception {
        s = new ObservedServer();
        // Known traffic: 3 good calc requests and 1 bad, 2 echo sessions, 2 UDP requests.
        for (int i = 0; i < 3; i++) assertEquals("5\0\0", Wire.calc(s.address("calc"), "2\0003\0000\0"));
        assertTrue(Wire.calc(s.address("calc"), "two\0003\0000\0").startsWith("ERROR"));
        for (int i = 0; i < 2; i++) Wire.echo(s.address("echo"), "hi".getBytes(StandardCharsets.US_ASCII));
        udp(s.address("calc-udp"), 2);
        org.awaitility.Awaitility.await().until(() -> s.stats("calc").active() == 0 && s.stats("echo").active() == 0);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void metricsAreValidPrometheusTextWithTheRightNumbers() throws Exception {
        HttpResponse<String> response = AdminClient.request(s.admin(), "GET", "/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());

        Map<String, String> samples = new HashMap<>();
        Set<String> typed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("# HELP ")) {
                helped.add(line.split(" ")[2]);
            } else if (line.startsWith("# TYPE ")) {
                String[] f = line.split(" ");
                assertTrue(List.of("counter", "gauge", "histogram").contains(f[3]), line);
                assertTrue(typed.add(f[2]), "one TYPE per family: " + line);
            } else {
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "a valid sample line: " + line);
                String family = m.group(1).replaceAll("_(sum|count|bucket)$", "");
                assertTrue(typed.contains(family) || typed.contains(m.group(1)), "TYPE comes before the samples: " + line);
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), m.group(3));
            }
        }
        assertEquals(typed, helped, "every family has HELP and TYPE");
        assertEquals("3", samples.get("loomlab_requests_total{service=\"calc\"}"));
        assertEquals("1", samples.get("loomlab_errors_total{service=\"calc\"}"));
        assertEquals("4", samples.get("loomlab_connections_accepted_total{service=\"calc\"}"));
        assertEquals("0", samples.get("loomlab_connections_active{service=\"echo\"}"));
        assertEquals("2", samples.get("loomlab_connections_accepted_total{service=\"echo\"}"));
        assertEquals("4", samples.get("loomlab_sent_bytes_total{service=\"echo\"}"));
        assertEquals("2", samples.get("loomlab_requests_total{service=\"calc-udp\"}"));
        assertEquals("24", samples.get("loomlab_received_bytes_total{service=\"calc-udp\"}"));
        assertEquals("3", samples.get("loomlab_request_duration_seconds_count{service=\"calc\"}"));
        // A histogram (buckets add up across replicas): cumulative, ending in +Inf = _count.
        assertEquals("3", samples.get("loomlab_request_duration_seconds_bucket{service=\"calc\",le=\"+Inf\"}"));
        assertEquals("3", samples.get("loomlab_request_duration_seconds_bucket{service=\"calc\",le=\"10\"}"), "none took 10 s");
        assertEquals("1", samples.get("loomlab_service_running{service=\"calc-udp\",protocol=\"calc\",transport=\"udp\"}"));
        assertFalse(samples.containsKey("loomlab_connections_active{service=\"calc-udp\"}"), "UDP has no connections");
        assertTrue(Long.parseLong(samples.get("process_open_fds")) > 0);
        assertTrue(Long.parseLong(samples.get("jvm_threads_current")) > 0);
        assertEquals("1", samples.get("loomlab_info{version=\"test\"}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusIsJsonWithEveryServiceAndTheProcess() throws Exception {
        Map<String, Object> status = AdminClient.status(s.admin());
        Map<String, Object> calc = AdminClient.service(status, "calc");
        assertEquals(3L, calc.get("requests"));
        assertEquals(1L, calc.get("errors"));
        assertEquals(0L, calc.get("active"));
        assertEquals(4L, calc.get("accepted"));
        assertEquals("calc/tcp", calc.get("kind"));
        assertEquals("virtual", calc.get("mode"));
        assertEquals(true, calc.get("running"));
        assertNotNull(((Map<String, Object>) calc.get("latencySeconds")).get("p50"));
        Map<String, Object> udp = AdminClient.service(status, "calc-udp");
        assertEquals(2L, udp.get("requests"));
        assertEquals("little", udp.get("order"));
        assertFalse(udp.containsKey("active"));
        InetSocketAddress echo = s.address("echo");
        assertEquals("127.0.0.1:" + echo.getPort(), AdminClient.service(status, "echo").get("address"));
        assertTrue((Long) ((Map<String, Object>) status.get("jvm")).get("threads") > 0);
        assertTrue((Long) ((Map<String, Object>) status.get("process")).get("openFds") > 0);
        assertEquals("test", status.get("version"));
    }

    @Test
    void healthSaysOkUntilAServiceStops() throws Exception {
        assertEquals("ok\n", AdminClient.get(s.admin(), "/health"));
        s.server.listener("echo").orElseThrow().close();
        HttpResponse<String> down = AdminClient.request(s.admin(), "GET", "/health");
        assertEquals(503, down.statusCode());
        assertEquals("not serving: echo\n", down.body());
    }

    @Test
    void theDashboardIsOnePageWithNothingToFetchElsewhere() throws Exception {
        HttpResponse<String> page = AdminClient.request(s.admin(), "GET", "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<title>loomlab dashboard</title>"));
        assertTrue(page.body().contains("fetch(\"/status\""));
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no CDN, no outside resource");
    }

    @Test
    void otherPathsAndMethodsAreRefusedPolitely() throws Exception {
        HttpResponse<String> missing = AdminClient.request(s.admin(), "GET", "/nope");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("/metrics"), "says where to go: " + missing.body());
        HttpResponse<String> post = AdminClient.request(s.admin(), "POST", "/metrics");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> head = AdminClient.request(s.admin(), "HEAD", "/status");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    private static void udp(InetSocketAddress to, int requests) throws IOException {
        UdpCalcCodec codec = new UdpCalcCodec(ByteOrder.LITTLE_ENDIAN);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(Wire.PATIENT.readMillis());
            ByteBuffer request = ByteBuffer.allocate(12);
            for (int i = 0; i < requests; i++) {
                socket.send(new DatagramPacket(codec.request(1, 2, 0, request).array(), 12, to));
                DatagramPacket reply = new DatagramPacket(new byte[4], 4);
                socket.receive(reply);
                assertEquals(3, codec.reply(ByteBuffer.wrap(reply.getData())));
            }
        }
    }
}
