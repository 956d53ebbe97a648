package loomlab.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses address literals exactly as strictly as Python's {@code ipaddress.ip_address(text)}:
 * IPv4 is four decimal octets 0-255 without leading zeros (the inet_pton rule); IPv6 is up to eight
 * hex groups of at most four digits, one "::" at most, an optional dotted-quad tail and an optional
 * "%zone". No whitespace, no prefix length, no brackets. Errors say which rule was broken.
 */
final class IpLiteralParser {

    private static final int MAX_V6_TEXT = 45; // Python's limit for the address part

    private IpLiteralParser() { }

    static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) throw bad(String.valueOf(text), "it is empty");
        if (text.indexOf('/') >= 0) {
            throw bad(text, "unexpected '/' (a network with a prefix length, not an address)");
        }
        try {
            return text.indexOf(':') >= 0 || text.indexOf('%') >= 0
                    ? new IpAddress(parseV6(text), scopeOf(text))
                    : new IpAddress(parseV4(text), null);
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text + "' does not appear to be an IPv4 or IPv6 address: " + why);
    }

    static byte[] parseV4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) throw new IllegalArgumentException("expected 4 octets, found " + octets.length);
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) out[i] = (byte) parseOctet(octets[i]);
        return out;
    }

    private static int parseOctet(String s) {
        if (s.isEmpty()) throw new IllegalArgumentException("empty octet");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("only decimal digits are permitted in octet '" + s + "'");
        }
        if (s.length() > 3) throw new IllegalArgumentException("at most 3 digits are permitted in octet '" + s + "'");
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw new IllegalArgumentException("leading zeros are not permitted in octet '" + s + "'");
        }
        int value = Integer.parseInt(s);
        if (value > 255) throw new IllegalArgumentException("octet " + value + " is more than 255");
        return value;
    }

    private static String scopeOf(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) return null;
        String scope = text.substring(percent + 1);
        if (scope.isEmpty() || scope.indexOf('%') >= 0) throw new IllegalArgumentException("bad zone after '%'");
        return scope;
    }

    static byte[] parseV6(String text) {
        int percent = text.indexOf('%');
        String addr = percent < 0 ? text : text.substring(0, percent);
        if (addr.isEmpty()) throw new IllegalArgumentException("empty address before '%'");
        if (addr.length() > MAX_V6_TEXT) throw new IllegalArgumentException("at most " + MAX_V6_TEXT + " characters expected");
        List<String> parts = new ArrayList<>(List.of(addr.split(":", -1)));
        if (parts.size() < 3) throw new IllegalArgumentException("at least 3 parts expected (2 colons)");
        String last = parts.get(parts.size() - 1);
        if (last.indexOf('.') >= 0) {
            byte[] v4 = parseV4(last);
            parts.remove(parts.size() - 1);
            parts.add(Integer.toHexString(((v4[0] & 0xff) << 8) | (v4[1] & 0xff)));
            parts.add(Integer.toHexString(((v4[2] & 0xff) << 8) | (v4[3] & 0xff)));
        }
        if (parts.size() > 9) throw new IllegalArgumentException("at most 8 colons permitted");
        int skip = -1;
        for (int i = 1; i < parts.size() - 1; i++) {
            if (parts.get(i).isEmpty()) {
                if (skip >= 0) throw new IllegalArgumentException("at most one '::' permitted");
                skip = i;
            }
        }
        int hi;
        int lo;
        int skipped;
        if (skip >= 0) {
            hi = skip;
            lo = parts.size() - skip - 1;
            if (parts.get(0).isEmpty() && --hi != 0) throw new IllegalArgumentException("leading ':' only permitted as part of '::'");
            if (parts.get(parts.size() - 1).isEmpty() && --lo != 0) {
                throw new IllegalArgumentException("trailing ':' only permitted as part of '::'");
            }
            skipped = 8 - (hi + lo);
            if (skipped < 1) throw new IllegalArgumentException("expected at most 7 other parts with '::'");
        } else {
            if (parts.size() != 8) throw new IllegalArgumentException("exactly 8 parts expected without '::'");
            hi = 8;
            lo = 0;
            skipped = 0;
        }
        byte[] out = new byte[16];
        int k = 0;
        for (int i = 0; i < hi; i++, k++) putHextet(out, k, parts.get(i));
        k += skipped;
        for (int i = parts.size() - lo; i < parts.size(); i++, k++) putHextet(out, k, parts.get(i));
        return out;
    }

    private static void putHextet(byte[] out, int index, String s) {
        if (s.isEmpty()) throw new IllegalArgumentException("empty group (a lone ':' at the start or end?)");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                throw new IllegalArgumentException("only hex digits permitted in '" + s + "'");
            }
        }
        if (s.length() > 4) throw new IllegalArgumentException("at most 4 hex digits permitted in '" + s + "'");
        int v = Integer.parseInt(s, 16);
        out[2 * index] = (byte) (v >> 8);
        out[2 * index + 1] = (byte) v;
    }
}
