package loomlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SocketsTest {

    @Test
    void anIpv6LiteralIsBracketedAndOthersAreNot() {
        assertEquals("[::1]", Sockets.bracketed("::1"));
        assertEquals("127.0.0.1", Sockets.bracketed("127.0.0.1"));
        assertEquals("example.org", Sockets.bracketed("example.org"));
        assertEquals("[fe80::1%eth0]:7", Sockets.hostPort("fe80::1%eth0", 7));
        assertEquals("10.0.0.1:7", Sockets.hostPort("10.0.0.1", 7));
    }

    @Test
    void anAddressIsDescribedByNumberNeverByName() throws IOException {
        assertEquals("127.0.0.1:80", Sockets.describe(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)));
        assertEquals("[0:0:0:0:0:0:0:1]:80", Sockets.describe(new InetSocketAddress(InetAddress.getByName("::1"), 80)));
        assertEquals("unresolved.invalid:5", Sockets.describe(InetSocketAddress.createUnresolved("unresolved.invalid", 5)));
        assertEquals("?", Sockets.describe(null));
    }

    @Test
    void aFailingCloseIsSwallowedAndNullIsNothing() {
        int[] closed = {0};
        Sockets.closeQuietly(() -> {
            closed[0]++;
            throw new IOException("peer gone");
        });
        assertEquals(1, closed[0]);
        Sockets.closeQuietly(null);
    }
}
