package loomlab.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code addr} prints for one address. The first five lines are exactly those of the
 * lecture's {@code ip_address.py} (Python's True/False and {@code b'...'} included), so the two
 * outputs can be compared line by line; the other flags follow.
 */
public final class AddressReport {

    private AddressReport() { }

    public static List<String> lines(IpAddress a) {
        AddressFlags f = AddressFlags.of(a);
        List<String> out = new ArrayList<>();
        out.add(a.toString());
        out.add("  IP version: " + a.version());
        out.add("  is private: " + py(f.isPrivate()));
        out.add("  packed form: b'" + a.packedHex() + "'");
        out.add("  integer: " + a.toBigInteger());
        out.add("  is global: " + py(f.isGlobal()));
        out.add("  is loopback: " + py(f.isLoopback()));
        out.add("  is multicast: " + py(f.isMulticast()));
        out.add("  is link-local: " + py(f.isLinkLocal()));
        out.add("  is unspecified: " + py(f.isUnspecified()));
        out.add("  is reserved: " + py(f.isReserved()));
        if (a.ipv4Mapped() != null) out.add("  IPv4-mapped: " + a.ipv4Mapped() + " (the flags are those of this IPv4 address)");
        if (a.scopeId() != null) out.add("  scope id: " + a.scopeId());
        out.add("  IANA block: " + f.block().map(IpBlock::toString).orElse("none (ordinary unicast space)"));
        return out;
    }

    /** One JSON object on one line, field names as Python's attributes. */
    public static String json(IpAddress a) {
        AddressFlags f = AddressFlags.of(a);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("address", a.toString());
            g.writeNumberField("version", a.version());
            g.writeBooleanField("is_private", f.isPrivate());
            g.writeBooleanField("is_global", f.isGlobal());
            g.writeBooleanField("is_loopback", f.isLoopback());
            g.writeBooleanField("is_multicast", f.isMulticast());
            g.writeBooleanField("is_link_local", f.isLinkLocal());
            g.writeBooleanField("is_unspecified", f.isUnspecified());
            g.writeBooleanField("is_reserved", f.isReserved());
            g.writeStringField("packed", a.packedHex());
            // A JSON number of any size: exact for IPv6 too (some tools read it as a double).
            g.writeNumberField("integer", a.toBigInteger());
            if (a.ipv4Mapped() != null) g.writeStringField("ipv4_mapped", a.ipv4Mapped().toString());
            if (a.scopeId() != null) g.writeStringField("scope_id", a.scopeId());
            if (f.block().isPresent()) {
                IpBlock b = f.block().get();
                g.writeObjectFieldStart("iana_block");
                g.writeStringField("block", b.cidr());
                g.writeStringField("name", b.name());
                g.writeStringField("rfc", b.rfc());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }
}
