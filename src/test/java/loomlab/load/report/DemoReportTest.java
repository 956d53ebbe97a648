package loomlab.load.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoReportTest {

    @TempDir Path dir;

    @Test
    void writesHtmlJsonAndCsvSideBySide() throws Exception {
        Path html = DemoReportFiles.write(dir.resolve("report"), DemoSamples.result(null));
        assertEquals(dir.resolve("report/index.html"), html);
        assertTrue(Files.exists(dir.resolve("report/results.json")));
        String csv = Files.readString(dir.resolve("report/results.csv"));
        assertEquals(DemoCsvReport.HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals(1 + 15, csv.lines().count(), "a row per step, skipped ones included");
        assertTrue(csv.contains("serial,1000,\"skipped: serial serves one client at a time\""), csv);
    }

    @Test
    void theHtmlIsSelfContained() {
        String html = DemoHtmlReport.render(DemoSamples.result(null));
        for (String external : new String[] {"src=", "href=\"http", "url(", "@import"}) {
            assertFalse(html.contains(external), "no external resource (" + external + "): the report must open without a network");
        }
        assertTrue(html.contains("<script type=\"application/json\" id=\"demo-data\">"));
        assertTrue(html.contains("figure class=\"chart\""));
        assertTrue(html.contains("<th>cores</th><td>2</td>"), "states the machine");
    }

    @Test
    void textFromOutsideCannotBreakOutOfTheDataOrTheMarkup() throws Exception {
        String evil = "</script><script>alert(1)</script> & \"quotes\"";
        String html = DemoHtmlReport.render(DemoSamples.result(evil));
        assertEquals(2, html.split("<script", -1).length - 1, "only the report's own two script elements");
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        // The embedded JSON still parses, and says the same.
        int start = html.indexOf('>', html.indexOf("id=\"demo-data\"")) + 1;
        String json = html.substring(start, html.indexOf("</script>", start));
        try (JsonParser p = new JsonFactory().createParser(json)) {
            String note = null;
            while (p.nextToken() != null && note == null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("notes")) {
                    p.nextToken(); // [
                    p.nextToken();
                    note = p.getText();
                }
            }
            assertEquals(evil, note);
        }
    }

    @Test
    void csvQuotesTextWithCommasAndQuotes() {
        assertEquals("\"a, \"\"b\"\"\"", DemoCsvReport.quote("a, \"b\""));
    }
}
