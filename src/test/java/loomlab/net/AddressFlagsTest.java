package loomlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flags Python's {@code ipaddress} gives (3.14 / CPython main: the IANA registries as fixed by
 * CVE-2024-4032, IPv4-mapped addresses judged as their IPv4 address, 3fff::/20 from RFC 9637).
 * Rows were checked against Python 3.13 where it already agrees; the comments name the rule.
 */
class AddressFlagsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # address        | private | global | loopback | multicast | link-local | unspecified | reserved
        176.58.10.138     | F | T | F | F | F | F | F
        8.8.8.8           | F | T | F | F | F | F | F
        10.0.0.1          | T | F | F | F | F | F | F
        172.16.0.1        | T | F | F | F | F | F | F
        172.31.255.255    | T | F | F | F | F | F | F
        172.32.0.1        | F | T | F | F | F | F | F
        192.168.1.1       | T | F | F | F | F | F | F
        0.0.0.0           | T | F | F | F | F | T | F
        0.1.2.3           | T | F | F | F | F | F | F
        127.255.255.254   | T | F | T | F | F | F | F
        169.254.1.1       | T | F | F | F | T | F | F
        # 100.64.0.0/10 (shared address space) is neither private nor global
        100.64.0.1        | F | F | F | F | F | F | F
        100.127.255.255   | F | F | F | F | F | F | F
        # 192.0.0.0/24 is not global except the two anycast addresses .9 and .10
        192.0.0.8         | T | F | F | F | F | F | F
        192.0.0.9         | F | T | F | F | F | F | F
        192.0.0.10        | F | T | F | F | F | F | F
        192.0.0.11        | T | F | F | F | F | F | F
        192.0.0.171       | T | F | F | F | F | F | F
        192.0.2.1         | T | F | F | F | F | F | F
        192.88.99.1       | F | T | F | F | F | F | F
        198.19.255.255    | T | F | F | F | F | F | F
        198.20.0.1        | F | T | F | F | F | F | F
        198.51.100.7      | T | F | F | F | F | F | F
        203.0.113.9       | T | F | F | F | F | F | F
        # multicast is global unless a not-global block says otherwise
        224.0.0.1         | F | T | F | T | F | F | F
        239.255.255.255   | F | T | F | T | F | F | F
        240.0.0.1         | T | F | F | F | F | F | T
        255.255.255.255   | T | F | F | F | F | F | T
        ::1               | T | F | T | F | F | F | T
        ::                | T | F | F | F | F | T | T
        ::2               | F | T | F | F | F | F | T
        2001:db8::1       | T | F | F | F | F | F | F
        3fff::1           | T | F | F | F | F | F | F
        fe80::1           | T | F | F | F | T | F | F
        fe80::1%eth0      | T | F | F | F | T | F | F
        febf:ffff::1      | T | F | F | F | T | F | F
        fec0::1           | F | T | F | F | F | F | F
        fc00::1           | T | F | F | F | F | F | F
        fd12:3456::1      | T | F | F | F | F | F | F
        ff02::1           | F | T | F | T | F | F | F
        2606:4700::1111   | F | T | F | F | F | F | F
        2002::1           | T | F | F | F | F | F | F
        64:ff9b::1        | F | T | F | F | F | F | T
        64:ff9b:1::1      | T | F | F | F | F | F | T
        100::1            | T | F | F | F | F | F | T
        100:0:0:1::1      | F | T | F | F | F | F | T
        # 2001::/23 is not global except a few more specific blocks
        2001::1           | T | F | F | F | F | F | F
        2001:1::1         | F | T | F | F | F | F | F
        2001:1::2         | F | T | F | F | F | F | F
        2001:1::3         | T | F | F | F | F | F | F
        2001:3::1         | F | T | F | F | F | F | F
        2001:4:112::1     | F | T | F | F | F | F | F
        2001:10::1        | T | F | F | F | F | F | F
        2001:20::1        | F | T | F | F | F | F | F
        2001:30::1        | F | T | F | F | F | F | F
        2001:200::1       | F | T | F | F | F | F | F
        4000::1           | F | T | F | F | F | F | T
        # IPv4-mapped addresses take every flag of their IPv4 address
        ::ffff:10.0.0.1   | T | F | F | F | F | F | F
        ::ffff:8.8.8.8    | F | T | F | F | F | F | F
        ::ffff:127.0.0.1  | T | F | T | F | F | F | F
        ::ffff:0.0.0.0    | T | F | F | F | F | T | F
        ::ffff:224.0.0.1  | F | T | F | T | F | F | F
        ::ffff:100.64.0.1 | F | F | F | F | F | F | F
        """)
    void flagsAsPythonDocumentsThem(String text, String isPrivate, String isGlobal, String loopback, String multicast,
                                    String linkLocal, String unspecified, String reserved) {
        AddressFlags f = AddressFlags.of(IpAddress.parse(text));
        String expected = String.join(" ", isPrivate, isGlobal, loopback, multicast, linkLocal, unspecified, reserved);
        String actual = String.join(" ", tf(f.isPrivate()), tf(f.isGlobal()), tf(f.isLoopback()), tf(f.isMulticast()),
                tf(f.isLinkLocal()), tf(f.isUnspecified()), tf(f.isReserved()));
        assertEquals(expected, actual, "private global loopback multicast link-local unspecified reserved of " + text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        10.1.2.3          | 10.0.0.0/8
        192.0.0.9         | 192.0.0.9/32
        100.64.0.1        | 100.64.0.0/10
        2001:1::1         | 2001:1::1/128
        2001:db8::1       | 2001:db8::/32
        ::ffff:192.168.0.1| 192.168.0.0/16
        """)
    void theMostSpecificIanaBlockExplainsTheFlags(String text, String block) {
        assertEquals(block, AddressFlags.of(IpAddress.parse(text)).block().orElseThrow().cidr());
    }

    private static String tf(boolean b) {
        return b ? "T" : "F";
    }
}
