package loomlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import loomlab.HeldPort;
import loomlab.TestServers;
import loomlab.cli.CliRun;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EchoClientTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void printsWhatClientEchoPyPrintsAgainstEveryMode(Mode mode) {
        try (Server server = TestServers.start(TestServers.echo(mode))) {
            int port = TestServers.address(server).getPort();
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", String.valueOf(port));
            assertEquals(0, run.exit(), run::toString);
            assertEquals("connecting to 127.0.0.1 port " + port + "\nRecibido= Esto es una cadena \nclosing socket\n", run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void quietPrintsOnlyTheEchoOfAnyUtf8Message() {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL))) {
            String message = "¡hola, señora! " + "x".repeat(10_000);
            CliRun run = CliRun.of("client", "echo", "-q", "localhost", port(server), message);
            assertEquals(0, run.exit(), run::toString);
            assertEquals(message + "\n", run.out());
        }
    }

    @Test
    void serverThatClosesBeforeTheNulIsASystemError() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(1, "Esto es".getBytes(StandardCharsets.US_ASCII))) {
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", String.valueOf(fake.port()));
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("server closed the connection before the NUL terminator (received 7 bytes"), run::toString);
        }
    }

    @Test
    void anEchoThatDiffersIsAFailedRequest() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(1, "Esto no\0".getBytes(StandardCharsets.US_ASCII))) {
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", String.valueOf(fake.port()), "Esto es");
            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains("the echo differs from what was sent"), run::toString);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.silent(1)) {
            CliRun run = CliRun.of("client", "echo", "--timeout", "200ms", "127.0.0.1", String.valueOf(fake.port()));
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("timed out after 200ms waiting for the reply from 127.0.0.1 port " + fake.port()),
                    run::toString);
            assertTrue(run.out().endsWith("closing socket\n"), run::toString);
        }
    }

    @Test
    void connectionRefusedSaysNothingIsListening() throws Exception {
        try (HeldPort nothing = HeldPort.tcp()) {
            CliRun run = CliRun.of("client", "echo", "127.0.0.1", String.valueOf(nothing.port()));
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("connection refused by 127.0.0.1 port " + nothing.port()), run::toString);
        }
    }

    @Test
    void unknownHostIsASystemErrorWithoutAnyLookup() {
        CliRun run = CliRun.of("client", "echo", "no such host!", "10000");
        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("unknown host 'no such host!'"), run::toString);
    }

    @Test
    void badPortIsAUsageError() {
        CliRun run = CliRun.of("client", "echo", "127.0.0.1", "0");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("'0' is not a port"), run::toString);
    }

    @Test
    void clientWithoutSubcommandIsAUsageError() {
        CliRun run = CliRun.of("client");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("Missing required subcommand"), run::toString);
    }

    static String port(Server server) {
        return String.valueOf(TestServers.address(server).getPort());
    }
}
