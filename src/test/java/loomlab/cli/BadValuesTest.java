package loomlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every subcommand's options with bad values: exit 1 and one line on stderr that names the option
 * (or the command) and says what is accepted, with no Java class name, and nothing started. The
 * repros of issue 16 are among them.
 */
class BadValuesTest {

    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|sun|picocli)\\.[a-z]|[A-Z][a-z]+(Exception|Error)\\b|\\b(Integer|Double|Long|Workload|Path)\\b"
            + "|cannot convert|\\bat [a-z]+\\.");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --config ''                                             | --config
            --log-level loud                                        | --log-level
            --admin-port 70000                                      | --admin-port
            --admin-port x                                          | --admin-port
            --stats-interval 50ms                                   | --stats-interval
            --stats-interval 9999999999999999999ms                  | --stats-interval
            --stats-interval soon                                   | --stats-interval
            --bogus                                                 | --bogus
            frobnicate --help                                       | frobnicate
            frobnicate --version                                    | frobnicate
            serve frob --help                                       | frob
            serve --stats-interval -1s                              | --stats-interval
            client foo --help                                       | foo
            client echo -t 99999999999m 127.0.0.1 1 hi              | --timeout
            client echo -t 0 127.0.0.1 1 hi                         | --timeout
            client echo --connect-timeout 9223372036854775807s 127.0.0.1 1 | --connect-timeout
            client echo 127.0.0.1 0 hi                              | PORT
            client echo 127.0.0.1 abc hi                            | PORT
            client calc 127.0.0.1 1 abc 1 0                         | A
            client calc -t soon 127.0.0.1 1 1 1 0                   | --timeout
            client udp-calc 127.0.0.1 1 4294967296 1 0              | A
            client udp-calc --retries 101 127.0.0.1 1 1 1 0         | --retries
            client udp-calc --retries x 127.0.0.1 1 1 1 0           | --retries
            client udp-calc --order middle 127.0.0.1 1 1 1 0        | --order
            client udp-calc -t 1e5 127.0.0.1 1 1 1 0                | --timeout
            addr --bogus 127.0.0.1                                  | --bogus
            addr not-an-address                                     | not-an-address
            hostname -t 99999999999m                                | --timeout
            dns -t 99999999999m localhost                           | --timeout
            dns -t 0 localhost                                      | --timeout
            load frob                                               | frob
            load echo -d 0                                          | --duration
            load echo -d 99999999999m                               | --duration
            load echo --warmup -1s                                  | --warmup
            load echo --ramp-up 2d                                  | --ramp-up
            load echo --think 99999999999m                          | --think
            load echo --rate 0                                      | --rate
            load echo --rate -5                                     | --rate
            load echo --rate 1e-300                                 | --rate
            load echo --rate 1e300                                  | --rate
            load echo --rate many                                   | --rate
            load echo --rate 5 --think 1s                           | --rate
            load echo --clients 0                                   | --clients
            load echo --clients abc                                 | --clients
            load echo --clients 99999999999                         | --clients
            load echo --size 0                                      | --size
            load echo --size 70000                                  | --size
            load echo --port 70000                                  | --port
            load echo --json ''                                     | --json
            load echo --json no-such-dir/x.json                     | --json
            load echo --json .                                      | --json
            load echo --bind 8.8.8.8                                | --bind
            load echo --bind somewhere                              | --bind
            load udp-calc --order middle                            | --order
            load echo --connect-timeout 0                           | --connect-timeout
            load echo --read-timeout 99999999999m                   | --read-timeout
            demo --step 0                                           | --step
            demo --step 99999999999m                                | --step
            demo --warmup 1e5                                       | --warmup
            demo --clients abc                                      | --clients
            demo --modes threads                                    | --modes
            demo --protocol ping                                    | --protocol
             demo --out pom.xml                                      | --out
            demo --size x                                           | --size
            demo --connect-timeout 0                                | --connect-timeout
            check echo -t 99999999999m 127.0.0.1 1                  | --timeout
            check calc --connect-timeout 0 127.0.0.1 1              | --connect-timeout
            check echo --pause 2m 127.0.0.1 1                       | --pause
            check frob 127.0.0.1 1                                  | frob
            """)
    void aBadValueIsOneLineAndExitOne(String commandLine, String named) {
        String[] args = commandLine.strip().split(" +");
        for (int i = 0; i < args.length; i++) if (args[i].equals("''")) args[i] = "";
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), () -> "one line: " + r);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().contains(named), () -> "names " + named + ": " + r);
        assertFalse(JAVA_NAMES.matcher(r.err()).find(), () -> "a Java name: " + r);
    }
}
