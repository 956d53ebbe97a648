package loomlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The error example of docs/configuration.md is what loomlab says for that file, word for word. */
class ConfigDocsTest {

    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void theErrorsExampleIsTheRealOutput() throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("For this `lab\\.json`:\\n\\n```json\\n(.*?)```.*?says.*?\\n\\n```\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/configuration.md has the lab.json example and its output");
        String json = m.group(1);
        String shown = m.group(2);
        ConfigException e = assertThrows(ConfigException.class, () ->
                ConfigLoader.parse("lab.json", json.getBytes(StandardCharsets.UTF_8), ConfigOverrides.NONE, -1));
        // As ServeCommand prints it.
        assertEquals("loomlab: config error: " + e.getMessage().replace("\n", "\n  ") + "\n", shown);
    }

    @Test
    void theDefaultShownIsTheEmbeddedDefault() throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("## The default\\n\\n```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/configuration.md shows the default");
        assertEquals(ConfigLoader.loadDefault(), ConfigLoader.parse("docs", m.group(1)));
    }
}
