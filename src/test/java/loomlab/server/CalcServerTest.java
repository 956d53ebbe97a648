package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loomlab.Bytes;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.metrics.ServiceStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TCP calc service over real sockets, in every mode. */
class CalcServerTest {

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private InetSocketAddress start(Mode mode) {
        server = TestServers.start(TestServers.calc(mode));
        return TestServers.address(server);
    }

    private ServiceStats stats() {
        return server.listeners().get(0).stats();
    }

    /** Without a read timeout the request deadline still ends a read that waits for a request's rest. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aHalfSentRequestGetsTheDeadlineErrorEvenWithoutAReadTimeout(Mode mode) throws Exception {
        server = TestServers.start(TestServers.calc(mode).toBuilder().readTimeout(Duration.ZERO)
                .requestDeadline(Duration.ofMillis(300)).build());
        try (Socket s = Wire.connect(TestServers.address(server))) {
            s.getOutputStream().write(Bytes.ascii("12\0"));
            assertEquals("ERROR request deadline of 300 ms passed in the middle of the request"
                    + " (number 'b' not terminated by NUL)\\0", Bytes.show(Wire.readAll(s)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> stats().active() == 0);
        assertEquals(1, stats().errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lectureClientSixWrites(Mode mode) throws Exception {
        try (Socket s = Wire.connect(start(mode))) {
            OutputStream out = s.getOutputStream();
            for (String part : new String[] {"5", "\0", "8", "\0", "1", "\0"}) {
                out.write(Bytes.ascii(part));
                out.flush();
            }
            assertEquals("-3\\0\\0", Bytes.show(Wire.readAll(s)));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneBytePerWrite(Mode mode) throws Exception {
        try (Socket s = Wire.connect(start(mode))) {
            OutputStream out = s.getOutputStream();
            for (byte b : Bytes.calcRequest("1234567890123456789012345678901234567890", "10", "0")) {
                out.write(b);
                out.flush();
            }
            assertEquals("1234567890123456789012345678901234567900\\0\\0", Bytes.show(Wire.readAll(s)));
        }
    }

    @Test
    void signsWhitespaceUnderscoresAndBigNumbers() throws Exception {
        InetSocketAddress at = start(Mode.VIRTUAL);
        assertEquals("13\\0\\0", Wire.calc(at, "5", "8", "0"));
        assertEquals("-13\\0\\0", Wire.calc(at, "-5", "+8", "7"));
        assertEquals("1001\\0\\0", Wire.calc(at, " 1_000\n", "\t1 ", "0"));
        assertEquals("-1\\0\\0", Wire.calc(at, "9999999999999999999999999999999999999999",
                "10000000000000000000000000000000000000000", "0001"));
        assertEquals("0\\0\\0", Wire.calc(at, "-1234567890123456789012345678901234567890",
                "1234567890123456789012345678901234567890", "0"));
    }

    @Test
    void badInputIsAnsweredAndTheNextRequestIsServed() throws Exception {
        InetSocketAddress at = start(Mode.VIRTUAL);
        assertEquals("ERROR not a number: \"1__0\"\\0", Wire.calc(at, "1__0", "8", "0"));
        assertEquals("ERROR not a number: empty\\0", Wire.calc(at, "5", "", "0"));
        assertEquals("ERROR number too long: 4301 digits, the limit is 4300\\0", Wire.calc(at, "7".repeat(4301), "1", "0"));
        assertEquals("13\\0\\0", Wire.calc(at, "5", "8", "0"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stats().active() == 0);
        assertEquals(3, stats().errors());
        assertEquals(1, stats().requests());
    }

    @Test
    void clientClosingMidRequestGetsAnErrorAndTheServerGoesOn() throws Exception {
        InetSocketAddress at = start(Mode.VIRTUAL);
        try (Socket s = Wire.connect(at)) {
            s.getOutputStream().write(Bytes.ascii("5\08"));
            s.shutdownOutput();
            assertEquals("ERROR connection closed in the middle of the request (number 'b' not terminated by NUL)\\0",
                    Bytes.show(Wire.readAll(s)));
        }
        assertEquals("13\\0\\0", Wire.calc(at, "5", "8", "0"));
    }

    @Test
    void silentClientTimesOutWithAnError() throws Exception {
        server = TestServers.start(TestServers.calc(Mode.VIRTUAL).toBuilder().readTimeout(Duration.ofMillis(300)).build());
        try (Socket s = Wire.connect(TestServers.address(server))) {
            s.getOutputStream().write(Bytes.ascii("5\0"));
            assertEquals("ERROR timed out in the middle of the request (number 'b' not terminated by NUL)\\0",
                    Bytes.show(Wire.readAll(s)));
        }
    }

    @Test
    void serialModeServesOneClientAtATime() throws Exception {
        InetSocketAddress at = start(Mode.SERIAL);
        try (Socket stalled = Wire.connect(at)) {
            stalled.getOutputStream().write(Bytes.ascii("5\0")); // and then nothing
            await().atMost(Duration.ofSeconds(5)).until(() -> stats().active() == 1);
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            try {
                Future<String> second = pool.submit(() -> Wire.calc(at, "1", "2", "0"));
                // The second client is connected (in the backlog) but not served while the first
                // one holds the only slot: it stays unanswered until the first one finishes.
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> !second.isDone());
                assertEquals(1, stats().accepted());
                stalled.getOutputStream().write(Bytes.ascii("8\0" + "0\0"));
                assertEquals("13\\0\\0", Bytes.show(Wire.readAll(stalled)));
                assertEquals("3\\0\\0", second.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"VIRTUAL", "PLATFORM"})
    void concurrentModesServeOthersWhileOneClientStalls(Mode mode) throws Exception {
        InetSocketAddress at = start(mode);
        try (Socket stalled = Wire.connect(at)) {
            stalled.getOutputStream().write(Bytes.ascii("5\0"));
            await().atMost(Duration.ofSeconds(5)).until(() -> stats().active() == 1);
            CompletableFuture<String> others = CompletableFuture.supplyAsync(() -> {
                try {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 10; i++) sb.append(Wire.calc(at, String.valueOf(i), "1", "0"));
                    return sb.toString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("1\\0\\02\\0\\03\\0\\04\\0\\05\\0\\06\\0\\07\\0\\08\\0\\09\\0\\010\\0\\0", others.get());
            assertFalse(stalled.isClosed());
            assertTrue(stats().active() >= 1, "the stalled client is still being served");
        }
    }
}
