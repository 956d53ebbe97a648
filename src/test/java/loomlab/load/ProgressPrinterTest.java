package loomlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private static Progress.Snapshot snapshot(long up, double rate, double p99, long errors) {
        return new Progress.Snapshot(Phase.MEASURING, 3.2, 10, up, 10_000, rate, p99, errors);
    }

    @Test
    void notATerminalGivesOnePlainLinePerUpdate() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), "[virtual 100]", false);
        p.update(snapshot(9_500, 51_234.4, 3.417, 0));
        p.update(snapshot(10_000, 50_000, -1, 2));
        p.finished();
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("[virtual 100] measuring 3/10 s  clients 9,500/10,000  51,234 req/s  p99 3.42 ms  errors 0", lines[0]);
        assertTrue(lines[1].endsWith("p99 -  errors 2"), lines[1]);
    }

    @Test
    void aTerminalGetsOneLineRewrittenInPlaceAndClosedAtTheEnd() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), "", true);
        p.update(snapshot(10_000, 123_456, 12.5, 0));
        p.update(snapshot(1, 1, 1, 0));
        p.finished();
        String text = out.toString();
        assertTrue(text.startsWith("\r"), "starts by returning the carriage");
        assertEquals(2, text.chars().filter(c -> c == '\r').count());
        assertTrue(text.endsWith(" \n") || text.endsWith("0\n"), "padded over the longer line, then a newline");
        String second = text.substring(text.lastIndexOf('\r') + 1, text.length() - 1);
        String first = text.substring(1, text.lastIndexOf('\r'));
        assertTrue(second.length() >= first.length(), "the shorter line is padded to wipe the longer one");
    }
}
