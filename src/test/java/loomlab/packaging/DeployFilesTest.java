package loomlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import loomlab.config.ConfigLoader;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import org.junit.jupiter.api.Test;

/** The configs under deploy/ are ones loomlab and HAProxy accept, and say what the docs say. */
class DeployFilesTest {

    @Test
    void theReplicaConfigTakesPROXYHeadersOnTcpOnly() throws Exception {
        ServerConfig c = ConfigLoader.load(Path.of("deploy/haproxy/replica.json"));
        for (ServiceConfig s : c.services()) {
            assertEquals(s.transport() == Transport.TCP, s.proxyProtocol(), s.name());
        }
    }

    @Test
    void theConfigInTheKubernetesConfigMapLoads() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("deploy/kubernetes/server.yaml"), StandardCharsets.UTF_8);
        StringBuilder json = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.trim().equals("config.json: |")) {
                in = true;
            } else if (in && line.startsWith("---")) {
                break;
            } else if (in) {
                json.append(line.length() > 4 ? line.substring(4) : line.trim()).append('\n');
            }
        }
        ServerConfig c = ConfigLoader.parse("server.yaml ConfigMap", json.toString());
        assertEquals(List.of("echo", "calc", "calc-udp"), c.services().stream().map(ServiceConfig::name).toList());
        assertTrue(c.admin().enabled(), "the probes and Prometheus need the admin endpoint");
    }

    @Test
    void haproxyAcceptsItsConfig() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "skipped: HAProxy is not installed");
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/haproxy", "-c", "-f", "deploy/haproxy/haproxy.cfg").redirectErrorStream(true);
        pb.environment().putAll(java.util.Map.of("LOOMLAB_BIND", "127.0.0.1", "LOOMLAB_ECHO_PORT", "10000", "LOOMLAB_CALC_PORT", "10009",
                "LOOMLAB_REPLICA1", "127.0.0.1", "LOOMLAB_REPLICA2", "127.0.0.1", "LOOMLAB_REPLICA1_ECHO", "20000",
                "LOOMLAB_REPLICA1_CALC", "20009", "LOOMLAB_REPLICA2_ECHO", "30000", "LOOMLAB_REPLICA2_CALC", "30009"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }
}
