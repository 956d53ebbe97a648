package loomlab.ops;

import static loomlab.Wire.assertCalcServes;
import static loomlab.Wire.assertEchoServes;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.config.ServiceConfig;
import loomlab.config.WireOrder;
import loomlab.metrics.ProcessMetrics;
import loomlab.metrics.ServiceStats;
import loomlab.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hundred students' half-written clients do to a lab server, over real sockets: resets,
 * silence, trickles, half-open connections, bursts and garbage datagrams. After each, the server
 * still answers a normal request and its counters say exactly what happened.
 */
class FaultToleranceTest {

    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
    private Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private InetSocketAddress address(String service) {
        return server.address(service);
    }

    private ServiceStats stats(String service) {
        return server.listener(service).orElseThrow().stats();
    }

    /** Awaitility, polling often: these waits are short and many. */
    private static org.awaitility.core.ConditionFactory soon() {
        return await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30));
    }

    private static ServiceConfig calc(String name) {
        return TestServers.calc(Mode.VIRTUAL).toBuilder().name(name).build();
    }

    private static ServiceConfig echo(String name) {
        return TestServers.echo(Mode.VIRTUAL).toBuilder().name(name).build();
    }

    @Test
    void clientsThatResetMidRequestAreCountedAndForgotten() throws Exception {
        server = TestServers.start(calc("calc"), echo("echo"));
        int resets = 20;
        for (int i = 1; i <= resets; i++) {
            Socket s = Wire.connect(address("calc"), Wire.PATIENT);
            s.getOutputStream().write("12\0003".getBytes(StandardCharsets.US_ASCII));
            int accepted = i;
            soon().until(() -> stats("calc").accepted() == accepted);
            Wire.reset(s);
        }
        for (int i = 1; i <= resets; i++) {
            Socket s = Wire.connect(address("echo"), Wire.PATIENT);
            s.getOutputStream().write(new byte[1000]);
            int echoed = i;
            soon().until(() -> stats("echo").bytesOut() >= 1000L * echoed); // the server is mid-stream
            Wire.reset(s);
        }
        soon().until(() -> stats("calc").active() == 0 && stats("echo").active() == 0);
        ServiceStats calc = stats("calc");
        assertEquals(resets, calc.errors(), "each reset mid-request is one error (incomplete request)");
        assertEquals(0, calc.requests());
        assertEquals(0, stats("echo").errors(), "for echo a reset just ends the session");

        assertCalcServes(address("calc"));
        assertEchoServes(address("echo"));
        assertEquals(1, stats("calc").requests());
        assertEquals(resets + 1, stats("calc").accepted());
    }

    @Test
    void aClientThatNeverSendsGetsAnErrorOrIsClosedAfterTheReadTimeout() throws Exception {
        server = TestServers.start(calc("calc").toBuilder().readTimeout(SHORT_READ_TIMEOUT).build(), echo("echo").toBuilder().readTimeout(SHORT_READ_TIMEOUT).build());
        try (Socket calc = Wire.connect(address("calc"), Wire.PATIENT); Socket echo = Wire.connect(address("echo"), Wire.PATIENT)) {
            assertEquals("ERROR timed out before any request\0", Wire.textUntilClosed(calc.getInputStream()));
            assertEquals(-1, echo.getInputStream().read(), "the idle echo connection is closed by the server");
        }
        soon().until(() -> stats("calc").active() == 0 && stats("echo").active() == 0);
        assertEquals(1, stats("calc").errors());
        assertEquals(1, stats("echo").timeouts());
        assertEquals(0, stats("echo").errors(), "an idle echo client is not an error");

        assertCalcServes(address("calc"));
        assertEchoServes(address("echo"));
    }

    @Test
    void manyClientsTricklingOneBytePerReadHitTheRequestDeadline() throws Exception {
        // Every byte comes well within the read timeout (5 s), but the whole request would take
        // 3 s: the deadline (600 ms) cuts each one, and all of them at once.
        Duration deadline = Duration.ofMillis(600);
        server = TestServers.start(calc("calc").toBuilder().readTimeout(Duration.ofSeconds(5)).requestDeadline(deadline).build());
        int clients = 40;
        byte[] request = "123456789012345678\0001\0000\0".getBytes(StandardCharsets.US_ASCII);
        List<Socket> sockets = new ArrayList<>();
        List<ScheduledFuture<?>> tricklers = new ArrayList<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < clients; i++) {
                Socket s = Wire.connect(address("calc"), Wire.PATIENT);
                sockets.add(s);
                OutputStream out = s.getOutputStream();
                AtomicInteger sent = new AtomicInteger();
                tricklers.add(pacer.scheduleAtFixedRate(() -> {
                    int at = sent.getAndIncrement();
                    if (at >= request.length) return;
                    try {
                        out.write(request, at, 1);
                    } catch (IOException closedByServer) {
                        sent.set(request.length);
                    }
                }, 0, 150, TimeUnit.MILLISECONDS));
            }
            ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (Socket s : sockets) {
                readers.add(Thread.ofVirtual().start(() -> {
                    try {
                        replies.add(Wire.textUntilClosed(s.getInputStream()));
                    } catch (IOException e) {
                        replies.add("failed: " + e);
                    }
                }));
            }
            readers.forEach(Wire::join);
            assertEquals(clients, replies.size());
            for (String reply : replies) {
                assertTrue(reply.startsWith("ERROR request deadline of 600 ms passed in the middle of the request")
                        && reply.endsWith("\0"), reply);
            }
        } finally {
            tricklers.forEach(t -> t.cancel(false));
            pacer.shutdownNow();
            for (Socket s : sockets) s.close();
        }
        soon().until(() -> stats("calc").active() == 0);
        assertEquals(clients, stats("calc").errors());
        assertEquals(0, stats("calc").requests());
        assertCalcServes(address("calc"));
    }

    @Test
    void halfClosedClientsGetTheirWholeAnswer() throws Exception {
        server = TestServers.start(calc("calc"), echo("echo"));
        byte[] payload = new byte[300_000];
        new Random(42).nextBytes(payload);
        assertArrayEquals(payload, Wire.echo(address("echo"), payload), "echo after shutdownOutput: every byte, then EOF");
        try (Socket s = Wire.connect(address("calc"), Wire.PATIENT)) {
            s.getOutputStream().write("40\0002\0001\0".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            assertEquals("38\0\0", Wire.textUntilClosed(s.getInputStream()));
        }
        soon().until(() -> stats("calc").active() == 0 && stats("echo").active() == 0);
        assertEquals(0, stats("echo").errors() + stats("calc").errors());
        assertEquals(payload.length, stats("echo").bytesOut());
    }

    @Test
    void aPeerThatStopsReadingIsClosedAfterTheReadTimeout() throws Exception {
        // Half-open in practice: the client is there for TCP but does nothing any more. Here it
        // sends far more than all socket buffers hold and never reads its echo, so the server's
        // write blocks; socket timeouts do not cover writes, the listener's sweeper does.
        server = TestServers.start(echo("echo").toBuilder().readTimeout(SHORT_READ_TIMEOUT).build());
        Socket stuck = new Socket();
        stuck.setReceiveBufferSize(4096);
        stuck.connect(address("echo"));
        Thread flooder = Thread.ofVirtual().start(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                OutputStream out = stuck.getOutputStream();
                for (int i = 0; i < 1024; i++) out.write(chunk); // 64 MiB: blocks long before the end
            } catch (IOException closedByServer) {
                // expected: the server gave up on this client
            }
        });
        try {
            soon().until(() -> stats("echo").timeouts() == 1 && stats("echo").active() == 0);
            Wire.join(flooder);
        } finally {
            stuck.close();
        }
        assertEchoServes(address("echo"));
        assertEquals(0, stats("echo").errors());
    }

    @Test
    void aBurstOf5000ConnectionsOpenedAndDroppedLeavesNothingBehind() throws Exception {
        // 5,000 client sockets plus 5,000 server sockets in this one process: half the 20,000
        // descriptors a process may have here.
        server = TestServers.start(echo("echo"));
        long fdsBefore = ProcessMetrics.openFds();
        int burst = 5_000;
        List<Socket> sockets = new ArrayList<>(burst);
        try {
            for (int i = 0; i < burst; i++) {
                Socket s = new Socket();
                s.connect(address("echo"), Wire.PATIENT.connectMillis());
                sockets.add(s);
            }
            soon().until(() -> stats("echo").accepted() == burst);
            assertEquals(burst, stats("echo").active());
        } finally {
            for (int i = 0; i < sockets.size(); i++) {
                if (i % 2 == 0) Wire.reset(sockets.get(i)); else sockets.get(i).close();
            }
        }
        soon().until(() -> stats("echo").active() == 0);
        assertEquals(0, stats("echo").errors());
        assertEchoServes(address("echo"));
        assertEquals(burst + 1, stats("echo").accepted());
        // Every descriptor of the burst is given back (a few may come and go with the JVM's own work).
        soon().until(() -> ProcessMetrics.openFds() <= fdsBefore + 20);
    }

    @Test
    void aFloodOfMalformedDatagramsIsCountedAndTheNextGoodOneAnswered() throws Exception {
        server = TestServers.start(TestServers.udpCalc(WireOrder.LITTLE).toBuilder().name("udp").build());
        InetSocketAddress udp = address("udp");
        int flood = 20_000;
        int[] sizes = {0, 1, 4, 11, 13, 24, 100, 1500};
        try (DatagramChannel client = DatagramChannel.open()) {
            ByteBuffer junk = ByteBuffer.allocate(1500);
            for (int i = 0; i < flood; i++) {
                junk.clear().limit(sizes[i % sizes.length]);
                client.send(junk, udp); // send, not write: write skips empty datagrams
            }
            // The kernel may drop some of a flood when the server's receive buffer is full; it
            // counts them per socket. Every datagram is either counted by the server or dropped.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertEquals(flood, stats("udp").errors() + kernelDrops(udp.getPort()), "counted + dropped by the kernel"));
            client.connect(udp);
            assertEquals(0, stats("udp").requests(), "no malformed datagram is taken for a request");

            ByteBuffer request = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(5).putInt(1).flip();
            client.configureBlocking(false);
            ByteBuffer reply = ByteBuffer.allocate(16);
            // UDP may lose a datagram: ask again until the answer comes (every answer must be right).
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                client.write(request.rewind());
                reply.clear();
                return client.read(reply) == 4;
            });
            assertEquals(2, reply.flip().order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        assertTrue(stats("udp").requests() >= 1);
        assertEquals(flood, stats("udp").errors() + kernelDrops(udp.getPort()));
    }

    /** Datagrams the kernel dropped for our UDP socket on 127.0.0.1 (the last column of /proc/net/udp). */
    static long kernelDrops(int port) throws IOException {
        Path table = Path.of("/proc/net/udp");
        if (!Files.isReadable(table)) return 0;
        String local = "0100007F:" + String.format(Locale.ROOT, "%04X", port);
        for (String line : Files.readAllLines(table)) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 12 && f[1].equals(local)) return Long.parseLong(f[f.length - 1]);
        }
        return 0;
    }
}
