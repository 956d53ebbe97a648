package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loomlab.Bytes;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The echo service over real sockets, in every mode. */
class EchoServerTest {

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private InetSocketAddress start(Mode mode) {
        server = TestServers.start(TestServers.echo(mode));
        return TestServers.address(server);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lectureClientGetsItsMessageBack(Mode mode) throws Exception {
        try (Socket s = Wire.connect(start(mode))) {
            s.getOutputStream().write(Bytes.ascii("Esto es una cadena \0"));
            assertEquals("Esto es una cadena \\0", Bytes.show(Wire.readToNul(s)));
        }
    }

    /** The idle timeout is enforced by the listener's sweeper, which must wake a read in any mode. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aConnectionThatSendsNothingIsClosedAfterTheReadTimeoutAndServedBefore(Mode mode) throws Exception {
        server = TestServers.start(TestServers.echo(mode).toBuilder().readTimeout(Duration.ofMillis(300)).build());
        var stats = server.listeners().get(0).stats();
        try (Socket s = Wire.connect(TestServers.address(server))) {
            s.getOutputStream().write(Bytes.ascii("hola\0"));
            assertEquals("hola\\0", Bytes.show(Wire.readToNul(s)));
            assertEquals(-1, s.getInputStream().read(), "closed by the server once idle");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> stats.active() == 0);
        assertEquals(1, stats.timeouts());
        assertEquals(0, stats.errors());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void binarySafeAndClosesAfterClientHalfClose(Mode mode) throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        try (Socket s = Wire.connect(start(mode))) {
            s.getOutputStream().write(all);
            s.shutdownOutput(); // half-close: the server must still send everything, then close
            assertArrayEquals(all, Wire.readAll(s));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.listeners().get(0).stats().active() == 0);
        assertEquals(1, server.listeners().get(0).stats().accepted());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneMebibyteWrittenAndReadConcurrentlyDoesNotDeadlock(Mode mode) throws Exception {
        byte[] payload = new byte[1 << 20];
        new Random(7).nextBytes(payload);
        ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
        try (Socket s = Wire.connect(start(mode))) {
            OutputStream out = s.getOutputStream();
            Future<?> sent = writer.submit(() -> {
                // Many writes of odd sizes, while the test thread reads the echo.
                for (int off = 0; off < payload.length; off += 7919) {
                    out.write(payload, off, Math.min(7919, payload.length - off));
                }
                s.shutdownOutput();
                return null;
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(received);
            sent.get();
            assertArrayEquals(payload, received.toByteArray());
        } finally {
            writer.shutdownNow();
        }
    }
}
