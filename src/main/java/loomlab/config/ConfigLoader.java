package loomlab.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a config from a file, a string or the embedded default, and validates it. */
public final class ConfigLoader {

    /** The embedded default: the lecture's four services on 127.0.0.1. */
    public static final String DEFAULT_RESOURCE = "/loomlab/default-config.json";

    private ConfigLoader() { }

    public static ServerConfig load(Path file) throws ConfigException {
        String source = file.toString();
        if (Files.isDirectory(file)) throw new ConfigException(source + ": is a directory, not a config file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ConfigValidator.validate(ConfigReader.read(source, reader));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": config file not found");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read config file: " + e.getMessage(), e);
        }
    }

    public static ServerConfig parse(String source, String json) throws ConfigException {
        return ConfigValidator.validate(ConfigReader.read(source, new StringReader(json)));
    }

    public static ServerConfig loadDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("embedded default config missing: " + DEFAULT_RESOURCE);
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return ConfigValidator.validate(ConfigReader.read("default config", reader));
        } catch (IOException | ConfigException e) {
            throw new IllegalStateException("embedded default config is broken: " + e.getMessage(), e);
        }
    }
}
