package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What --print-config writes, byte for byte: every field of every object, each service with the
 * fields of its transport and protocol only. The expected text is what loomlab printed for this
 * config before the writer was driven by {@link ConfigSchema}; a change to it is a change of format.
 */
class ConfigWriterTest {

    private static final Path DIR = Path.of("src/test/resources/config");

    @Test
    void aConfigWithEveryFieldIsPrintedAsItAlwaysWas() throws Exception {
        ServerConfig c = ConfigLoader.parse("every-field.json", Files.readString(DIR.resolve("every-field.json")));
        String expected = Files.readString(DIR.resolve("every-field.printed.json")).replace("\n", System.lineSeparator());
        assertEquals(expected, ConfigWriter.toJson(c));
    }
}
