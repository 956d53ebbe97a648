package loomlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import loomlab.TestServers;
import loomlab.config.Mode;
import loomlab.metrics.RecordingLogger;
import loomlab.metrics.ServiceStats;
import loomlab.protocol.StreamProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The connection handler alone: however the protocol ends, the connection gives back all it took. */
class ConnectionHandlerTest {

    private static final String CLIENT = "127.0.0.1";

    private final ServiceStats stats = new ServiceStats("echo");
    private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
    private final RecordingLogger log = new RecordingLogger();

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(new IOException("Connection reset"), 0, 0),
                Arguments.of(new SocketTimeoutException("read ended by the time limit"), 0, 1),
                Arguments.of(new IllegalStateException("a bug in the protocol"), 1, 0),
                Arguments.of(new AssertionError("an error in the protocol"), 1, 0),
                Arguments.of(null, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("endings")
    void theSlotTheBudgetAndTheClientsShareAreGivenBackAndTheSocketClosed(Throwable thrown, int errors, int timeouts)
            throws Exception {
        ConnectionBudget budget = ConnectionBudget.unsettled();
        budget.settle(1);
        Slots slots = new Slots(1, budget, log);
        ClientLimit perClient = new ClientLimit(1);
        StreamProtocol protocol = stream -> {
            stream.write(new byte[] {'x'}, 0, 1);
            if (thrown instanceof IOException e) throw e;
            if (thrown instanceof RuntimeException e) throw e;
            if (thrown instanceof Error e) throw e;
        };
        ConnectionHandler handler = new ConnectionHandler(TestServers.echo(Mode.VIRTUAL), protocol, stats, ServiceLogs.of(log),
                slots, perClient, open);
        try (SocketPair pair = SocketPair.open()) {
            // What the accept loop takes before the hand-over.
            slots.take();
            assertTrue(perClient.tryAcquire(CLIENT));
            handler.opened(pair.server);
            assertEquals(Set.of(pair.server), open);
            assertEquals(1, stats.active());

            handler.handle(pair.server, CLIENT); // on this thread, as in serial mode

            assertEquals(Set.of(), open, "forgotten by the sweeper");
            assertEquals(0, stats.active());
            assertEquals(1, stats.accepted());
            assertEquals(errors, stats.errors());
            assertEquals(errors, log.lines.stream().filter(l -> l.level() == Level.WARNING
                    && l.message().equals("unexpected failure serving a connection")).count(), "only the server's own failure is a warning");
            assertEquals(timeouts, stats.timeouts());
            assertTrue(slots.awaitAllFree(0), "the service's slot is free");
            assertTrue(budget.tryAcquire(), "the process-wide budget's share is free");
            assertTrue(perClient.tryAcquire(CLIENT), "the client may connect again");
            var in = pair.client.getInputStream();
            assertEquals('x', in.read());
            assertEquals(-1, in.read(), "the socket is closed");
        }
    }
}
