package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** addr, hostname and dns on the command line: only literals, localhost and loopback addresses. */
class AddressCommandsTest {

    @Test
    void addrStartsWithTheLinesOfIpAddressPy() {
        CliRun run = CliRun.of("addr", "176.58.10.138");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("""
                176.58.10.138
                  IP version: 4
                  is private: False
                  packed form: b'b03a0a8a'
                  integer: 2956593802
                """), run::toString);
        assertTrue(run.out().contains("  is global: True\n"), run::toString);
        assertTrue(run.out().endsWith("\n\n"), "a blank line after each address, as print()");
    }

    @Test
    void addrTakesSeveralAddressesAndSaysWhichBlockExplainsTheFlags() {
        CliRun run = CliRun.of("addr", "10.0.0.1", "::1", "fe80::1", "224.0.0.1");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("  IANA block: 10.0.0.0/8 (Private-Use, RFC 1918)\n"), run::toString);
        assertTrue(run.out().contains("::1\n  IP version: 6\n  is private: True\n"), run::toString);
        assertTrue(run.out().contains("fe80::1\n"), run::toString);
        assertTrue(run.out().contains("  is multicast: True\n"), run::toString);
    }

    @Test
    void addrJsonIsOneObjectPerLine() {
        CliRun run = CliRun.of("addr", "--json", "2001:db8::1", "127.0.0.1");
        assertEquals(0, run.exit(), run::toString);
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run::toString);
        assertTrue(lines[0].startsWith("{\"address\":\"2001:db8::1\",\"version\":6,\"is_private\":true,\"is_global\":false"),
                lines[0]);
        assertTrue(lines[1].contains("\"is_loopback\":true") && lines[1].contains("\"integer\":2130706433"), lines[1]);
    }

    @Test
    void addrRefusesANameOrABadLiteralWithExit1() {
        CliRun run = CliRun.of("addr", "localhost", "1.2.3");
        assertEquals(1, run.exit(), run::toString);
        assertEquals("""
                ERROR: 'localhost' does not appear to be an IPv4 or IPv6 address: expected 4 octets, found 1
                ERROR: '1.2.3' does not appear to be an IPv4 or IPv6 address: expected 4 octets, found 3
                """, run.err());
    }

    @Test
    void hostnamePrintsNameAndAddressLinesOrSaysWhyNot() {
        CliRun run = CliRun.of("hostname");
        // Whether this machine's name resolves depends on its /etc/hosts: check both outcomes' form.
        if (run.exit() == 0) {
            assertTrue(run.out().lines().allMatch(l -> l.matches("\\S+: [0-9a-f.:]+")), run::toString);
        } else {
            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().startsWith("ERROR: this machine's name does not resolve"), run::toString);
        }
    }

    @Test
    void dnsForwardLookupOfLocalhost() {
        CliRun run = CliRun.of("dns", "localhost");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains("localhost:  addresses: ") && run.out().contains("127.0.0.1"), run::toString);
        assertTrue(run.out().contains("localhost:  aliases: (not available: Java's resolver returns no alias list"),
                run::toString);
    }

    @Test
    void dnsReverseLookupOfTheLoopbackAddress() {
        CliRun run = CliRun.of("dns", "127.0.0.1");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("127.0.0.1:  canonical name: "), run::toString);
        assertTrue(run.out().contains("127.0.0.1:  addresses: 127.0.0.1\n"), run::toString);
    }

    @Test
    void dnsOfSomethingThatCannotBeAHostIsAnUnknownHost() {
        CliRun run = CliRun.of("dns", "no such host!");
        assertEquals(2, run.exit(), run::toString);
        assertEquals("ERROR: unknown host 'no such host!': not a valid host name or IP address\n", run.err());
    }

    @Test
    void timeoutsMustBeDurations() {
        CliRun run = CliRun.of("dns", "--timeout", "soon", "localhost");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("'soon' is not a duration"), run::toString);
    }
}
