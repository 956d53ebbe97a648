package loomlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import loomlab.config.ConfigException;
import loomlab.config.ConfigLoader;
import loomlab.config.Mode;
import loomlab.config.ServerConfig;
import loomlab.config.ServiceConfig;
import loomlab.config.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example configs under config/ and packaging/ load, and each says what its name promises. */
class ExampleConfigsTest {

    static Stream<Path> exampleConfigs() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("config"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        files.add(Path.of("packaging/config.json"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void loads(Path file) throws ConfigException {
        assertTrue(!ConfigLoader.load(file).services().isEmpty(), file + " serves nothing");
    }

    @Test
    void theThreeExamplesAreThere() {
        for (String name : List.of("default", "lab", "demo")) {
            assertTrue(Files.isRegularFile(Path.of("config", name + ".json")), "config/" + name + ".json is missing");
        }
    }

    @Test
    void defaultIsTheEmbeddedDefault() throws ConfigException {
        assertEquals(ConfigLoader.loadDefault(), ConfigLoader.load(Path.of("config/default.json")),
                "config/default.json drifted from src/main/resources/loomlab/default-config.json");
    }

    @Test
    void labAndServiceConfigsListenOnAllInterfaces() throws ConfigException {
        for (String file : List.of("config/lab.json", "packaging/config.json")) {
            for (ServiceConfig s : ConfigLoader.load(Path.of(file)).services()) {
                assertEquals("0.0.0.0", s.host(), file + ": " + s.name());
            }
        }
    }

    @Test
    void demoRunsTheThreeTcpModesSideBySide() throws ConfigException {
        ServerConfig demo = ConfigLoader.load(Path.of("config/demo.json"));
        Set<Mode> modes = demo.services().stream().filter(s -> s.transport() == Transport.TCP)
                .map(ServiceConfig::mode).collect(Collectors.toSet());
        assertEquals(Set.of(Mode.SERIAL, Mode.VIRTUAL, Mode.PLATFORM), modes);
    }
}
