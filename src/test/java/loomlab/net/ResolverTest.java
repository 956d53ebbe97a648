package loomlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ResolverTest {

    @Test
    void aLookupThatNeverEndsTimesOut() {
        CountDownLatch never = new CountDownLatch(1);
        LookupException e = assertThrows(LookupException.class, () -> Resolver.withTimeout("looking up 'slow'",
                Duration.ofMillis(100), () -> {
                    never.await();
                    return "unreachable";
                }, "slow"));
        assertTrue(e.getMessage().startsWith("timed out after 100ms looking up 'slow'"), e.getMessage());
    }

    @Test
    void unknownHostKeepsTheResolversWords() {
        LookupException e = assertThrows(LookupException.class, () -> Resolver.withTimeout("looking up 'x'",
                Duration.ofSeconds(5), () -> {
                    throw new UnknownHostException("x: x: Name or service not known");
                }, "x"));
        assertEquals("unknown host 'x': Name or service not known", e.getMessage());
    }

    @Test
    void thisMachinesNameComesFromTheJdksMessage() {
        LookupException e = assertThrows(LookupException.class, () -> Resolver.withTimeout("looking up this machine's name",
                Duration.ofSeconds(5), () -> {
                    throw new UnknownHostException("labvm: labvm: Temporary failure in name resolution");
                }, null));
        assertEquals("unknown host 'labvm': Temporary failure in name resolution", e.getMessage());
    }

    @Test
    void literalsNeedNoLookup() throws Exception {
        assertArrayEquals(new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, 1})},
                Resolver.addresses("127.0.0.1", Duration.ofSeconds(5)));
        assertNotNull(Resolver.literal("::1"));
        assertNull(Resolver.literal("localhost"));
    }

    @Test
    void textThatCannotBeAHostNameIsRefusedBeforeAnyQuery() {
        for (String bad : new String[] {"no such host!", "a..b", "-x-", "", "x".repeat(64) + ".com"}) {
            LookupException e = assertThrows(LookupException.class, () -> Resolver.addresses(bad, Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("not a valid host name or IP address"), e.getMessage());
        }
    }

    @Test
    void localhostResolvesToLoopback() throws Exception {
        InetAddress[] all = Resolver.addresses("localhost", Duration.ofSeconds(5));
        assertTrue(all.length > 0 && all[0].isLoopbackAddress());
        assertEquals("::1", Resolver.text(InetAddress.getByAddress(IpAddress.parse("::1").packed())));
    }
}
