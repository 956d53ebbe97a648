package loomlab.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import loomlab.ServerProcess;
import loomlab.config.Durations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop cannot fail: the jar with the largest grace period the config accepts stops on SIGINT,
 * and a second SIGINT while a connection holds the grace open stops it at once.
 */
class StopSignalIT {

    @TempDir Path dir;

    private Path config() throws IOException {
        Path config = dir.resolve("grace.json");
        Files.writeString(config, "{\"shutdownGrace\": \"" + Durations.format(Durations.Kind.GRACE.max()) + "\", \"services\": "
                + "[{\"name\": \"echo\", \"protocol\": \"echo\", \"transport\": \"tcp\", \"port\": 0}]}");
        return config;
    }

    private static void sigint(Process p) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    private static boolean logged(ServerProcess p, String text) {
        return p.log().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void sigintWithTheLargestGraceStops() throws Exception {
        try (ServerProcess p = ServerProcess.start("--config", config().toString()).awaitServing("echo")) {
            sigint(p.process());
            assertTrue(p.process().waitFor(30, TimeUnit.SECONDS), "still running after SIGINT: " + p.log());
            assertEquals(0, p.process().exitValue(), p.log().toString());
            await().atMost(Duration.ofSeconds(5)).until(() -> logged(p, "[echo] stopped: served 0 connections"));
            assertTrue(logged(p, "SIGINT: stopping; connections in progress have 1h to finish (SIGINT again to stop now)"),
                    p.log().toString());
        }
    }

    @Test
    void aSecondSigintDuringTheGraceStopsAtOnce() throws Exception {
        try (ServerProcess p = ServerProcess.start("--config", config().toString()).awaitServing("echo");
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p.port("echo")), 10_000);
            client.setSoTimeout(20_000);
            echo(client, "before");
            sigint(p.process());
            await().atMost(Duration.ofSeconds(10)).until(() -> logged(p, "SIGINT again to stop now"));
            // The grace period is on: the connection in progress is still served.
            echo(client, "during the grace");
            assertTrue(p.process().isAlive());

            sigint(p.process());
            assertTrue(p.process().waitFor(30, TimeUnit.SECONDS), "a second SIGINT did not stop it: " + p.log());
            assertEquals(0, p.process().exitValue(), p.log().toString());
            assertEquals(-1, client.getInputStream().read(), "the connection is closed");
            await().atMost(Duration.ofSeconds(5)).until(() -> logged(p, "[echo] stopped: served 1 connections"));
            assertTrue(logged(p, "SIGINT again: stopping now"), p.log().toString());
        }
    }

    private static void echo(Socket client, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(sent);
        InputStream in = client.getInputStream();
        assertArrayEquals(sent, in.readNBytes(sent.length));
    }
}
