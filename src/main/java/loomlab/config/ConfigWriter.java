package loomlab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Writes a config as JSON with every field spelled out: what {@code --print-config} shows. */
public final class ConfigWriter {

    private ConfigWriter() { }

    public static String toJson(ServerConfig c) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("logLevel", lower(c.logLevel()));
            g.writeStringField("shutdownGrace", Durations.format(c.shutdownGrace()));
            g.writeStringField("statsInterval", Durations.format(c.statsInterval()));
            g.writeObjectFieldStart("admin");
            g.writeBooleanField("enabled", c.admin().enabled());
            g.writeStringField("host", c.admin().host());
            g.writeNumberField("port", c.admin().port());
            g.writeEndObject();
            g.writeObjectFieldStart("pinning");
            g.writeBooleanField("enabled", c.pinning().enabled());
            g.writeStringField("threshold", Durations.format(c.pinning().threshold()));
            g.writeEndObject();
            g.writeNumberField("reservedFds", c.reservedFds());
            g.writeArrayFieldStart("services");
            for (ServiceConfig s : c.services()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("protocol", lower(s.protocol()));
                g.writeStringField("transport", lower(s.transport()));
                g.writeStringField("host", s.host());
                g.writeNumberField("port", s.port());
                if (s.transport() == Transport.TCP) {
                    g.writeStringField("mode", lower(s.mode()));
                    g.writeNumberField("backlog", s.backlog());
                    g.writeNumberField("maxConnections", s.maxConnections());
                    g.writeNumberField("maxConnectionsPerClient", s.maxConnectionsPerClient());
                    g.writeStringField("readTimeout", Durations.format(s.readTimeout()));
                    if (s.proxyProtocol() || !s.trustedProxies().isEmpty()) {
                        g.writeBooleanField("proxyProtocol", s.proxyProtocol());
                        g.writeArrayFieldStart("trustedProxies");
                        for (String t : s.trustedProxies()) g.writeString(t);
                        g.writeEndArray();
                    }
                } else {
                    g.writeStringField("order", lower(s.order()));
                }
                if (s.protocol() == Protocol.CALC && s.transport() == Transport.TCP) {
                    g.writeNumberField("maxDigits", s.maxDigits());
                    g.writeStringField("requestDeadline", Durations.format(s.requestDeadline()));
                }
                if (s.trace()) g.writeBooleanField("trace", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
