package loomlab.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import loomlab.Bytes;
import loomlab.TestServers;
import loomlab.Wire;
import loomlab.config.Mode;
import loomlab.config.ServiceConfig;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void portInUseNamesTheServiceAndClosesWhatWasOpened() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ServiceConfig first = TestServers.echo(Mode.VIRTUAL);
            ServiceConfig second = TestServers.calc(Mode.VIRTUAL).toBuilder().port(taken.getLocalPort()).build();
            StartupException e = assertThrows(StartupException.class,
                    () -> Server.start(TestServers.config(first, second)));
            assertTrue(e.getMessage().startsWith("cannot start service 'calc-virtual': tcp 127.0.0.1:"
                    + taken.getLocalPort() + " is not available"), e.getMessage());
        }
        // The echo service bound before the failure was closed: nothing is left listening. (Its
        // port was ephemeral, so we check that no thread of it is left.)
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("echo-accept")));
    }

    @Test
    void unknownHostIsAStartupError() {
        ServiceConfig bad = TestServers.echo(Mode.VIRTUAL).toBuilder().host("no-such-host.invalid").build();
        StartupException e = assertThrows(StartupException.class, () -> Server.start(TestServers.config(bad)));
        assertTrue(e.getMessage().contains("unknown host 'no-such-host.invalid'"), e.getMessage());
    }

    @Test
    void ipv6LoopbackServes() throws Exception {
        try (Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL).toBuilder().host("::1").build())) {
            try (Socket s = Wire.connect(TestServers.address(server))) {
                s.getOutputStream().write(Bytes.ascii("hola\0"));
                assertEquals("hola\\0", Bytes.show(Wire.readToNul(s)));
            }
        }
    }

    @Test
    void gracefulShutdownLetsAConnectionInProgressFinish() throws Exception {
        Server server = TestServers.start(TestServers.calc(Mode.VIRTUAL));
        InetSocketAddress at = TestServers.address(server);
        try (Socket inProgress = Wire.connect(at)) {
            inProgress.getOutputStream().write(Bytes.ascii("5\0"));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.listeners().get(0).stats().active() == 1);
            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(20)));
            // New connections are refused once the listener is closed...
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThrows(java.net.ConnectException.class, () -> Wire.connect(at).close()));
            // ...while the one in progress still gets its answer.
            inProgress.getOutputStream().write(Bytes.ascii("8\0" + "0\0"));
            assertEquals("13\\0\\0", Bytes.show(Wire.readAll(inProgress)));
            assertTrue(stopped.get(), "stopped within the grace period, nothing cut");
        }
    }

    @Test
    void connectionsBeyondTheGracePeriodAreClosed() throws Exception {
        Server server = TestServers.start(TestServers.echo(Mode.VIRTUAL));
        try (Socket idle = Wire.connect(TestServers.address(server))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.listeners().get(0).stats().active() == 1);
            assertEquals(false, server.shutdown(Duration.ofMillis(100)));
            assertEquals(-1, idle.getInputStream().read(), "the server closed the idle connection");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.listeners().get(0).stats().active() == 0);
        }
    }
}
