package loomlab.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import loomlab.TestServers;
import loomlab.cli.CliRun;
import loomlab.config.Mode;
import loomlab.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalcClientTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void subtractsLikeClientCalcPyAgainstEveryMode(Mode mode) {
        try (Server server = TestServers.start(TestServers.calc(mode))) {
            String port = EchoClientTest.port(server);
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", port, "5", "8", "1");
            assertEquals(0, run.exit(), run::toString);
            assertEquals("connecting to 127.0.0.1 port " + port + "\n-3\nclosing socket\n", run.out());
        }
    }

    @Test
    void numbersOfAnySizeAndNegativeOnes() {
        try (Server server = TestServers.start(TestServers.calc(Mode.VIRTUAL))) {
            String big = BigInteger.TEN.pow(40).toString();
            CliRun sum = CliRun.of("client", "calc", "-q", "127.0.0.1", EchoClientTest.port(server), big, "1", "0");
            assertEquals(0, sum.exit(), sum::toString);
            assertEquals(big.substring(0, big.length() - 1) + "1\n", sum.out());

            CliRun negative = CliRun.of("client", "calc", "-q", "127.0.0.1", EchoClientTest.port(server), "-5", "-8", "7");
            assertEquals(0, negative.exit(), negative::toString);
            assertEquals("3\n", negative.out());
        }
    }

    @Test
    void theServersErrorReplyGoesToStderrWithExit4() {
        try (Server server = TestServers.start(TestServers.calc(Mode.VIRTUAL))) {
            String tooLong = "9".repeat(5000); // more digits than the server (and Python's int) accepts
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", EchoClientTest.port(server), tooLong, "1", "0");
            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().startsWith("ERROR number too long"), run::toString);
        }
    }

    @Test
    void errorReplyOfAnyServer() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(3, bytes("ERROR something broke\0"))) {
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", String.valueOf(fake.port()), "1", "2", "0");
            assertEquals(4, run.exit(), run::toString);
            assertEquals("ERROR something broke\n", run.err());
        }
    }

    @Test
    void aWrongSumIsCaught() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(3, bytes("42\0\0"))) {
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", String.valueOf(fake.port()), "1", "2", "0");
            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains("wrong result from the server: 42, expected 3"), run::toString);
        }
    }

    @Test
    void aReplyThatIsNotANumberIsCaught() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(3, bytes("hello\0"))) {
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", String.valueOf(fake.port()), "1", "2", "0");
            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains("the server's reply is not a number: \"hello\""), run::toString);
        }
    }

    @Test
    void serverClosingWithoutAReplyIsASystemError() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.replying(3, new byte[0])) {
            CliRun run = CliRun.of("client", "calc", "127.0.0.1", String.valueOf(fake.port()), "1", "2", "0");
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("server closed the connection before the NUL terminator (nothing received)"),
                    run::toString);
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (FakeTcpServer fake = FakeTcpServer.silent(3)) {
            CliRun run = CliRun.of("client", "calc", "-t", "200ms", "127.0.0.1", String.valueOf(fake.port()), "1", "2", "0");
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("timed out after 200ms"), run::toString);
        }
    }

    @Test
    void somethingThatIsNotAnIntegerIsAUsageError() {
        CliRun run = CliRun.of("client", "calc", "127.0.0.1", "10009", "abc", "2", "0");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("'abc' is not an integer"), run::toString);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
