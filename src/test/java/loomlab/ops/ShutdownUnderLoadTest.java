package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.metrics.ServiceStats;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;

/**
 * SIGINT during a demo: the echo connections in progress that finish within the grace period
 * get every byte back; the ones that do not are closed when it is over.
 */
class ShutdownUnderLoadTest {

    /** Long enough for the finishing clients on a busy 2-core machine; the lingering ones make the test last this long. */
    private static final Duration GRACE = Duration.ofSeconds(4);

    @Test
    void connectionsThatFinishWithinTheGraceLoseNoByteAndTheRestAreCutAfterIt() throws Exception {
        Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL));
        ServiceStats stats = server.listeners().get(0).stats();
        var address = TestServers.address(server);
        int finishing = 20;
        int lingering = 5;
        Random random = new Random(7);
        List<Socket> finishers = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Socket> lingerers = new ArrayList<>();
        try {
            // In flight: every client has sent a first part and had it echoed.
            for (int i = 0; i < finishing; i++) {
                byte[] payload = new byte[64 * 1024];
                random.nextBytes(payload);
                Socket s = Wire.connect(address, Wire.PATIENT);
                s.getOutputStream().write(payload, 0, 16 * 1024);
                assertArrayEquals(Arrays.copyOf(payload, 16 * 1024), s.getInputStream().readNBytes(16 * 1024));
                finishers.add(s);
                payloads.add(payload);
            }
            for (int i = 0; i < lingering; i++) {
                Socket s = Wire.connect(address, Wire.PATIENT);
                s.getOutputStream().write("still here\n".getBytes(StandardCharsets.US_ASCII));
                s.getInputStream().readNBytes(11);
                lingerers.add(s);
            }
            assertEquals(finishing + lingering, stats.active());

            AtomicBoolean clean = new AtomicBoolean(true);
            Thread stopper = Thread.ofVirtual().start(() -> clean.set(server.shutdown(GRACE)));
            // No new connections once the stop has begun.
            await().until(() -> !server.listeners().get(0).running());
            assertThrows(ConnectException.class, () -> new Socket(address.getAddress(), address.getPort()).close());

            // The finishing clients send the rest, close their side and read to the end, all at once.
            List<Thread> clients = new ArrayList<>();
            List<byte[]> received = new ArrayList<>(java.util.Collections.nCopies(finishing, (byte[]) null));
            for (int i = 0; i < finishing; i++) {
                int n = i;
                clients.add(Thread.ofVirtual().start(() -> {
                    Socket s = finishers.get(n);
                    try {
                        byte[] payload = payloads.get(n);
                        s.getOutputStream().write(payload, 16 * 1024, payload.length - 16 * 1024);
                        s.shutdownOutput();
                        received.set(n, s.getInputStream().readAllBytes());
                    } catch (IOException e) {
                        received.set(n, ("failed: " + e).getBytes(StandardCharsets.US_ASCII));
                    }
                }));
            }
            clients.forEach(Wire::join);
            for (int i = 0; i < finishing; i++) {
                assertArrayEquals(Arrays.copyOfRange(payloads.get(i), 16 * 1024, 64 * 1024), received.get(i),
                        "client " + i + " got back every byte it sent after the stop began");
            }

            // The lingering ones are cut when the grace period is over, and the stop says so.
            for (Socket s : lingerers) assertEquals(-1, readOrReset(s.getInputStream()));
            Wire.join(stopper);
            assertFalse(clean.get(), "shutdown reports that it had to cut connections");
            assertEquals(0, stats.active(), "the cut connections are gone when shutdown returns");
            assertEquals(finishing + lingering, stats.accepted());
            assertEquals(0, stats.errors());
        } finally {
            for (Socket s : finishers) s.close();
            for (Socket s : lingerers) s.close();
            server.close();
        }
    }

    /** -1 at end of stream; a reset counts as the end too. */
    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
