package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 10000);

    @Test
    void aRangeGivesEveryAddressInIt() {
        List<InetAddress> a = SourceAddresses.parse("127.0.0.2-127.0.0.9");
        assertEquals(8, a.size());
        assertEquals("127.0.0.2", a.get(0).getHostAddress());
        assertEquals("127.0.0.9", a.get(7).getHostAddress());
        assertEquals("127.0.0.2-127.0.0.9 (8 addresses)", SourceAddresses.describe(a));
    }

    @Test
    void rangesCrossOctetsAndMixWithSingleAddresses() {
        List<InetAddress> a = SourceAddresses.parse("127.0.0.254-127.0.1.1, 127.0.0.50");
        assertEquals(List.of("127.0.0.254", "127.0.0.255", "127.0.1.0", "127.0.1.1", "127.0.0.50"),
                a.stream().map(InetAddress::getHostAddress).toList());
    }

    @Test
    void namesAndBackwardRangesAreRefusedWithTheOptionNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("localhost"));
        assertTrue(e.getMessage().startsWith("--bind:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("127.0.0.9-127.0.0.2"));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse(" , "));
        assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("10.0.0.0-10.1.0.0"));
    }

    @Test
    void fewClientsLeaveTheChoiceToTheOs() {
        SourceAddresses.Plan p = SourceAddresses.plan(LOOPBACK, 10_000, List.of(), 28_232);
        assertTrue(p.addresses().isEmpty());
        assertEquals("", p.note());
    }

    @Test
    void moreClientsThanOneAddressHasPortsSpreadOverLoopbackAddressesAndSaySo() {
        SourceAddresses.Plan p = SourceAddresses.plan(LOOPBACK, 60_000, List.of(), 28_232);
        assertEquals(5, p.addresses().size(), "13,616 quick ports each: half the range, less slack");
        assertEquals("127.0.0.2", p.addresses().get(0).getHostAddress());
        assertEquals("127.0.0.6", p.addresses().get(4).getHostAddress());
        assertTrue(p.note().contains("spreading them over 5 loopback addresses"), p.note());
    }

    @Test
    void pastHalfTheRangeConnectsSlowDownSoTheClientsAreSpreadEarly() {
        assertEquals(2, SourceAddresses.plan(LOOPBACK, 19_800, List.of(), 28_232).addresses().size());
        assertTrue(SourceAddresses.plan(LOOPBACK, 13_000, List.of(), 28_232).addresses().isEmpty());
    }

    @Test
    void aTargetOffLoopbackGetsAWarningInsteadOfGuessedAddresses() throws Exception {
        var remote = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 10000);
        SourceAddresses.Plan p = SourceAddresses.plan(remote, 60_000, List.of(), 28_232);
        assertTrue(p.addresses().isEmpty());
        assertTrue(p.note().startsWith("warning:"), p.note());
    }

    @Test
    void givenAddressesAreKeptAndTooFewAreWarnedAbout() {
        List<InetAddress> one = SourceAddresses.parse("127.0.0.2");
        assertEquals(one, SourceAddresses.plan(LOOPBACK, 100, one, 28_232).addresses());
        assertTrue(SourceAddresses.plan(LOOPBACK, 20_000, one, 28_232).note().contains("--bind"));
    }
}
