package loomlab.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Loads a config from a file, a string or the embedded default, and validates it. */
public final class ConfigLoader {

    /** The embedded default: the lecture's four services on 127.0.0.1. */
    public static final String DEFAULT_RESOURCE = "/loomlab/default-config.json";
    /** No config is this large; a bigger file is a mistake (a log, a binary), not read whole. */
    static final int MAX_BYTES = 1 << 20;
    /** A file name is shown whole up to this length (control characters escaped all the same). */
    private static final int MAX_NAME = 1000;

    private ConfigLoader() { }

    public static ServerConfig load(Path file) throws ConfigException {
        return load(file, ConfigOverrides.NONE, -1);
    }

    /**
     * Reads, applies the command line's overrides, validates; {@code fdLimit} is the open files
     * limit the server will run under (-1: unknown, not checked).
     */
    public static ServerConfig load(Path file, ConfigOverrides overrides, long fdLimit) throws ConfigException {
        String source = file.toString();
        if (source.isEmpty()) throw new ConfigException("the config file name is empty");
        if (Files.isDirectory(file)) throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": is a directory, not a config file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": config file not found");
        } catch (AccessDeniedException e) {
            throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": cannot read the config file: permission denied");
        } catch (FileSystemException e) {
            // The OS's reason ("Is a directory", "Not a directory", "Too many levels of symbolic links")
            throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": cannot read the config file: "
                    + (e.getReason() != null ? e.getReason() : "refused by the system"));
        } catch (IOException e) {
            throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": cannot read the config file: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(Shown.escaped(source, MAX_NAME) + ": more than " + MAX_BYTES / 1024
                    + " KiB: not a config file (a config is a few lines of JSON)");
        }
        return parse(Shown.escaped(source, MAX_NAME), bytes, overrides, fdLimit);
    }

    public static ServerConfig parse(String source, String json) throws ConfigException {
        return validate(ConfigReader.read(source, withoutBom(json)), ConfigOverrides.NONE, -1);
    }

    /** The bytes of a config file: UTF-8, with or without a byte-order mark. */
    public static ServerConfig parse(String source, byte[] bytes, ConfigOverrides overrides, long fdLimit)
            throws ConfigException {
        return validate(ConfigReader.read(source, decode(source, bytes)), overrides, fdLimit);
    }

    public static ServerConfig loadDefault() {
        try {
            return loadDefault(ConfigOverrides.NONE, -1);
        } catch (ConfigException e) {
            throw new IllegalStateException("embedded default config is broken: " + e.getMessage(), e);
        }
    }

    /** The embedded default with the command line's overrides; a clash they make is a ConfigException. */
    public static ServerConfig loadDefault(ConfigOverrides overrides, long fdLimit) throws ConfigException {
        byte[] bytes;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("embedded default config missing: " + DEFAULT_RESOURCE);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("embedded default config unreadable: " + e.getMessage(), e);
        }
        return parse("default config", bytes, overrides, fdLimit);
    }

    private static ServerConfig validate(ParsedConfig parsed, ConfigOverrides o, long fdLimit) throws ConfigException {
        ServerConfig.Builder c = parsed.config().toBuilder();
        Map<String, String> positions = new HashMap<>();
        if (o.adminPort() != null) {
            c.admin(parsed.config().admin().toBuilder().enabled(true).port(o.adminPort()).build());
            positions.put("admin.port", "--admin-port " + o.adminPort());
        }
        if (o.statsInterval() != null) {
            c.statsInterval(o.statsInterval());
            positions.put("statsInterval", "--stats-interval " + Durations.format(o.statsInterval()));
        }
        if (o.logLevel() != null) c.logLevel(o.logLevel());
        if (o.trace()) c.services(parsed.config().services().stream().map(s -> s.toBuilder().trace(true).build()).toList());
        return ConfigValidator.validate(parsed.with(c.build(), positions), fdLimit);
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * UTF-8 text, the byte-order mark Notepad writes dropped; a byte that is no UTF-8 is
     * reported at its line and column (counted in characters, as the JSON errors are).
     */
    static String decode(String source, byte[] bytes) throws ConfigException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new ConfigException(source + ":1:1: the file is UTF-16 text (Notepad's \"Unicode\"): save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int bad = in.position();
            int chars = out.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < chars; i++) {
                if (out.get(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = chars - lineStart + 1;
            throw new ConfigException(source + ":" + line + ":" + column + ": not UTF-8 text (byte 0x"
                    + String.format("%02x", bytes[Math.min(bad, bytes.length - 1)] & 0xff) + " is no UTF-8 character here): save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }
}
