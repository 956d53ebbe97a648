package loomlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tables are data: check that they are well-formed and consistent with each other. */
class SpecialAddressesTest {

    @Test
    void everyBlockIsNamedAndListedOnce() {
        for (List<IpBlock> table : List.of(SpecialAddresses.V4_NOT_GLOBAL, SpecialAddresses.V4_GLOBAL_EXCEPTIONS,
                SpecialAddresses.V6_NOT_GLOBAL, SpecialAddresses.V6_GLOBAL_EXCEPTIONS, SpecialAddresses.V6_RESERVED)) {
            Set<String> seen = new HashSet<>();
            for (IpBlock b : table) {
                assertTrue(seen.add(b.cidr()), "listed twice: " + b);
                assertFalse(b.name().isBlank(), "no name: " + b);
                assertTrue(b.rfc().matches("RFC \\d+"), "no RFC: " + b);
            }
        }
    }

    @Test
    void everyGlobalExceptionLiesInsideANotGlobalBlock() {
        Stream.concat(SpecialAddresses.V4_GLOBAL_EXCEPTIONS.stream(), SpecialAddresses.V6_GLOBAL_EXCEPTIONS.stream())
                .forEach(exception -> {
                    List<IpBlock> outer = exception.base().version() == 4
                            ? SpecialAddresses.V4_NOT_GLOBAL : SpecialAddresses.V6_NOT_GLOBAL;
                    assertTrue(outer.stream().anyMatch(b -> b.prefix() < exception.prefix() && b.contains(exception.base())),
                            exception + " is not inside any not-global block");
                });
    }

    @Test
    void blocksContainTheirWholeRangeAndNothingElse() {
        IpBlock b = IpBlock.of("172.16.0.0/12", "Private-Use", "RFC 1918");
        assertTrue(b.contains(IpAddress.parse("172.16.0.0")));
        assertTrue(b.contains(IpAddress.parse("172.31.255.255")));
        assertFalse(b.contains(IpAddress.parse("172.32.0.0")));
        assertFalse(b.contains(IpAddress.parse("172.15.255.255")));
        assertFalse(b.contains(IpAddress.parse("::ffff:172.16.0.1")), "versions never mix");
        assertTrue(IpBlock.of("::/0", "all", "RFC 4291").contains(IpAddress.parse("ffff::1")));
    }

    @Test
    void aBlockWithHostBitsIsRefused() {
        assertEquals("10.0.0.1/8 has host bits set",
                assertThrows(IllegalArgumentException.class, () -> IpBlock.of("10.0.0.1/8", "x", "RFC 1")).getMessage());
    }
}
