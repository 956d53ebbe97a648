package loomlab.net;

import java.util.List;

/**
 * The address blocks behind Python's {@code is_private}/{@code is_global} and the other flags, as
 * data. Python (3.13+, after the CVE-2024-4032 fix) defines {@code is_private} as "not globally
 * reachable" in the IANA IPv4 and IPv6 Special-Purpose Address Registries, minus the more specific
 * blocks those registries list as globally reachable; these lists follow CPython's
 * {@code _IPv4Constants} / {@code _IPv6Constants}. When IANA adds an entry, update the list and
 * the table in AddressFlagsTest together.
 */
public final class SpecialAddresses {

    private SpecialAddresses() { }

    /** IPv4 blocks that are not globally reachable. */
    public static final List<IpBlock> V4_NOT_GLOBAL = List.of(
            IpBlock.of("0.0.0.0/8", "This network", "RFC 791"),
            IpBlock.of("10.0.0.0/8", "Private-Use", "RFC 1918"),
            IpBlock.of("127.0.0.0/8", "Loopback", "RFC 1122"),
            IpBlock.of("169.254.0.0/16", "Link Local", "RFC 3927"),
            IpBlock.of("172.16.0.0/12", "Private-Use", "RFC 1918"),
            IpBlock.of("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890"),
            IpBlock.of("192.0.0.170/31", "NAT64/DNS64 Discovery", "RFC 8880"),
            IpBlock.of("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
            IpBlock.of("192.168.0.0/16", "Private-Use", "RFC 1918"),
            IpBlock.of("198.18.0.0/15", "Benchmarking", "RFC 2544"),
            IpBlock.of("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
            IpBlock.of("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
            IpBlock.of("240.0.0.0/4", "Reserved", "RFC 1112"),
            IpBlock.of("255.255.255.255/32", "Limited Broadcast", "RFC 919"));

    /** Globally reachable blocks inside {@link #V4_NOT_GLOBAL}. */
    public static final List<IpBlock> V4_GLOBAL_EXCEPTIONS = List.of(
            IpBlock.of("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723"),
            IpBlock.of("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155"));

    /** Carrier-grade NAT space: neither private nor global in Python. */
    public static final IpBlock V4_SHARED = IpBlock.of("100.64.0.0/10", "Shared Address Space", "RFC 6598");
    public static final IpBlock V4_LOOPBACK = IpBlock.of("127.0.0.0/8", "Loopback", "RFC 1122");
    public static final IpBlock V4_LINK_LOCAL = IpBlock.of("169.254.0.0/16", "Link Local", "RFC 3927");
    public static final IpBlock V4_MULTICAST = IpBlock.of("224.0.0.0/4", "Multicast", "RFC 5771");
    public static final IpBlock V4_RESERVED = IpBlock.of("240.0.0.0/4", "Reserved", "RFC 1112");

    /** IPv6 blocks that are not globally reachable. */
    public static final List<IpBlock> V6_NOT_GLOBAL = List.of(
            IpBlock.of("::1/128", "Loopback Address", "RFC 4291"),
            IpBlock.of("::/128", "Unspecified Address", "RFC 4291"),
            IpBlock.of("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"),
            IpBlock.of("64:ff9b:1::/48", "IPv4-IPv6 Translation", "RFC 8215"),
            IpBlock.of("100::/64", "Discard-Only Address Block", "RFC 6666"),
            IpBlock.of("2001::/23", "IETF Protocol Assignments", "RFC 2928"),
            IpBlock.of("2001:db8::/32", "Documentation", "RFC 3849"),
            // IANA says "N/A" for 6to4; Python treats it as not globally reachable to be safe.
            IpBlock.of("2002::/16", "6to4", "RFC 3056"),
            IpBlock.of("3fff::/20", "Documentation", "RFC 9637"),
            IpBlock.of("fc00::/7", "Unique-Local", "RFC 4193"),
            IpBlock.of("fe80::/10", "Link-Local Unicast", "RFC 4291"));

    /** Globally reachable blocks inside {@link #V6_NOT_GLOBAL}. */
    public static final List<IpBlock> V6_GLOBAL_EXCEPTIONS = List.of(
            IpBlock.of("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723"),
            IpBlock.of("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155"),
            IpBlock.of("2001:3::/32", "AMT", "RFC 7450"),
            IpBlock.of("2001:4:112::/48", "AS112-v6", "RFC 7535"),
            IpBlock.of("2001:20::/28", "ORCHIDv2", "RFC 7343"),
            IpBlock.of("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374"));

    public static final IpBlock V6_LINK_LOCAL = IpBlock.of("fe80::/10", "Link-Local Unicast", "RFC 4291");
    public static final IpBlock V6_MULTICAST = IpBlock.of("ff00::/8", "Multicast", "RFC 4291");

    /** Python's {@code _reserved_networks} for IPv6: the IETF-reserved parts of the address space. */
    public static final List<IpBlock> V6_RESERVED = List.of(
            IpBlock.of("::/8", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("100::/8", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("200::/7", "Reserved by IETF", "RFC 4048"),
            IpBlock.of("400::/6", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("800::/5", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("1000::/4", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("4000::/3", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("6000::/3", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("8000::/3", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("a000::/3", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("c000::/3", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("e000::/4", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("f000::/5", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("f800::/6", "Reserved by IETF", "RFC 4291"),
            IpBlock.of("fe00::/9", "Reserved by IETF", "RFC 4291"));
}
