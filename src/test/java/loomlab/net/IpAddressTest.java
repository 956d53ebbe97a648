package loomlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        176.58.10.138                            | 176.58.10.138 | 4 | b03a0a8a                         | 2956593802
        0.0.0.0                                  | 0.0.0.0       | 4 | 00000000                         | 0
        255.255.255.255                          | 255.255.255.255 | 4 | ffffffff                       | 4294967295
        ::1                                      | ::1           | 6 | 00000000000000000000000000000001 | 1
        ::                                       | ::            | 6 | 00000000000000000000000000000000 | 0
        2001:0DB8:0000:0000:0000:0000:0000:0001  | 2001:db8::1   | 6 | 20010db8000000000000000000000001 | 42540766411282592856903984951653826561
        1:0:0:1:0:0:0:1                          | 1:0:0:1::1    | 6 | 00010000000000010000000000000001 | 5192296858534846075274570038771713
        1:0:0:1:0:0:1:1                          | 1::1:0:0:1:1  | 6 | 00010000000000010000000000010001 | 5192296858534846075274570038837249
        1:2:3:4:5:6:7:0                          | 1:2:3:4:5:6:7:0 | 6 | 00010002000300040005000600070000 | 5192455318486707404433266433261568
        1::                                      | 1::           | 6 | 00010000000000000000000000000000 | 5192296858534827628530496329220096
        ::ffff:1.2.3.4                           | ::ffff:1.2.3.4 | 6 | 00000000000000000000ffff01020304 | 281470698652420
        ::ffff:102:304                           | ::ffff:1.2.3.4 | 6 | 00000000000000000000ffff01020304 | 281470698652420
        64:ff9b::192.0.2.33                      | 64:ff9b::c000:221 | 6 | 0064ff9b0000000000000000c0000221 | 524413980667603649783483184533471777
        fe80::1%eth0                             | fe80::1%eth0  | 6 | fe800000000000000000000000000001 | 338288524927261089654018896841347694593
        """)
    void parsesAndWritesAsPythonDoes(String text, String str, int version, String packed, String integer) {
        IpAddress a = IpAddress.parse(text);
        assertEquals(str, a.toString());
        assertEquals(version, a.version());
        assertEquals(packed, a.packedHex());
        assertEquals(new BigInteger(integer), a.toBigInteger());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/32",
        "example.com", "localhost", "::1::", ":1", "1:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
        "::g", "[::1]", "fe80::1%", "1.2.3.4%eth0", "::1.2.3", "1::2::3", "1:2:3:4:5:6:7::8:9", "\u0661.2.3.4"
    })
    void refusesWhatPythonRefuses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' does not appear to be an IPv4 or IPv6 address: "), e.getMessage());
    }

    @Test
    void namesTheRuleThatWasBroken() {
        assertEquals("'01.2.3.4' does not appear to be an IPv4 or IPv6 address: leading zeros are not permitted in octet '01'",
                assertThrows(IllegalArgumentException.class, () -> IpAddress.parse("01.2.3.4")).getMessage());
    }

    @Test
    void becomesAnInetAddressWithoutALookup() throws Exception {
        assertEquals(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), IpAddress.parse("127.0.0.1").toInetAddress());
        assertEquals("::1", IpAddress.of(IpAddress.parse("::1").toInetAddress()).toString());
        assertEquals(IpAddress.parse("176.58.10.138"), IpAddress.parse("176.58.10.138"));
    }
}
