package loomlab.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code is_*} properties of Python's {@code ipaddress} for one address, computed from the
 * tables in {@link SpecialAddresses} with Python's rules: an IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) gets every flag of its IPv4 address, and {@code 100.64.0.0/10} is
 * neither private nor global.
 *
 * @param block the most specific IANA special-purpose block holding the address, if any: the reason
 *              behind {@code isPrivate}/{@code isGlobal}
 */
public record AddressFlags(boolean isPrivate, boolean isGlobal, boolean isLoopback, boolean isMulticast,
                           boolean isLinkLocal, boolean isUnspecified, boolean isReserved, Optional<IpBlock> block) {

    public static AddressFlags of(IpAddress address) {
        IpAddress mapped = address.ipv4Mapped();
        if (mapped != null) return of(mapped);
        return address.version() == 4 ? v4(address) : v6(address);
    }

    private static AddressFlags v4(IpAddress a) {
        boolean isPrivate = inAny(SpecialAddresses.V4_NOT_GLOBAL, a) && !inAny(SpecialAddresses.V4_GLOBAL_EXCEPTIONS, a);
        boolean isGlobal = !SpecialAddresses.V4_SHARED.contains(a) && !isPrivate;
        List<IpBlock> all = new ArrayList<>(SpecialAddresses.V4_NOT_GLOBAL);
        all.addAll(SpecialAddresses.V4_GLOBAL_EXCEPTIONS);
        all.add(SpecialAddresses.V4_SHARED);
        all.add(SpecialAddresses.V4_MULTICAST);
        return new AddressFlags(isPrivate, isGlobal,
                SpecialAddresses.V4_LOOPBACK.contains(a),
                SpecialAddresses.V4_MULTICAST.contains(a),
                SpecialAddresses.V4_LINK_LOCAL.contains(a),
                a.toBigInteger().signum() == 0,
                SpecialAddresses.V4_RESERVED.contains(a),
                mostSpecific(all, a));
    }

    private static AddressFlags v6(IpAddress a) {
        boolean isPrivate = inAny(SpecialAddresses.V6_NOT_GLOBAL, a) && !inAny(SpecialAddresses.V6_GLOBAL_EXCEPTIONS, a);
        List<IpBlock> all = new ArrayList<>(SpecialAddresses.V6_NOT_GLOBAL);
        all.addAll(SpecialAddresses.V6_GLOBAL_EXCEPTIONS);
        all.add(SpecialAddresses.V6_MULTICAST);
        int value = a.toBigInteger().bitLength() <= 1 ? a.toBigInteger().intValue() : -1;
        return new AddressFlags(isPrivate, !isPrivate,
                value == 1,
                SpecialAddresses.V6_MULTICAST.contains(a),
                SpecialAddresses.V6_LINK_LOCAL.contains(a),
                value == 0,
                inAny(SpecialAddresses.V6_RESERVED, a),
                mostSpecific(all, a));
    }

    private static boolean inAny(List<IpBlock> blocks, IpAddress a) {
        for (IpBlock b : blocks) {
            if (b.contains(a)) return true;
        }
        return false;
    }

    private static Optional<IpBlock> mostSpecific(List<IpBlock> blocks, IpAddress a) {
        return blocks.stream().filter(b -> b.contains(a)).max(Comparator.comparingInt(IpBlock::prefix));
    }
}
