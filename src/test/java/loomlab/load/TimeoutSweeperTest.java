package loomlab.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;

/** The read timeout of the TCP clients: one sweeper thread instead of a socket timeout per read. */
class TimeoutSweeperTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(100);

    private static LoadContext context(InetSocketAddress target) {
        LoadSettings s = LoadSettings.of(Workload.ECHO, target, 1, Duration.ofSeconds(1))
                .withTimeouts(LoadSettings.DEFAULT_CONNECT_TIMEOUT, READ_TIMEOUT);
        return new LoadContext(s);
    }

    @Test
    void aClientWaitingForAServerThatNeverAnswersIsCutAsAReadTimeout() throws Exception {
        try (FakeServers silent = FakeServers.silent()) {
            LoadContext ctx = context(silent.address());
            TcpLink link = TcpLink.open(ctx, 0);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread client = Thread.ofVirtual().start(() -> {
                byte[] message = "never echoed".getBytes(StandardCharsets.US_ASCII);
                try {
                    link.exchange(message, new byte[message.length], message.length, System.nanoTime());
                    outcome.set(new AssertionError("a server that never answers answered"));
                } catch (IOException e) {
                    outcome.set(e);
                }
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> outcome.get() != null);
            client.join();
            assertInstanceOf(SocketTimeoutException.class, outcome.get());
            assertEquals(ErrorKind.READ_TIMEOUT, Failures.ofRequest((IOException) outcome.get()));
            ctx.phase(Phase.STOPPING);
            await().atMost(10, TimeUnit.SECONDS).until(() -> !ctx.timeouts.running());
        }
    }

    @Test
    void anAnsweredRequestIsNeverCutAndTheConnectionStaysUsable() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            LoadContext ctx = context(TestServers.address(server));
            try (TcpLink link = TcpLink.open(ctx, 0)) {
                byte[] first = "first".getBytes(StandardCharsets.US_ASCII);
                byte[] answer = new byte[first.length];
                link.exchange(first, answer, first.length, System.nanoTime());
                assertArrayEquals(first, answer);
                // Long after the answer: nothing is waiting, so nothing is cut.
                assertEquals(0, ctx.timeouts.sweep(System.nanoTime() + TimeUnit.HOURS.toNanos(1)));
                byte[] second = "second".getBytes(StandardCharsets.US_ASCII);
                byte[] again = new byte[second.length];
                link.exchange(second, again, second.length, System.nanoTime());
                assertArrayEquals(second, again);
            } finally {
                ctx.phase(Phase.STOPPING);
            }
        }
    }

    @Test
    void theSweeperStartsWithTheFirstConnectionAndEndsWithTheRun() throws Exception {
        try (FakeServers silent = FakeServers.silent()) {
            LoadContext ctx = context(silent.address());
            assertFalse(ctx.timeouts.running(), "no thread before a client connects");
            try (TcpLink link = TcpLink.open(ctx, 0)) {
                assertTrue(ctx.timeouts.running());
                ctx.phase(Phase.STOPPING);
                await().atMost(10, TimeUnit.SECONDS).until(() -> !ctx.timeouts.running());
            }
        }
    }
}
