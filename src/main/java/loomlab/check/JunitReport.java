package loomlab.check;

import java.util.Locale;
import loomlab.check.CheckResult.Status;

/**
 * The report as JUnit XML ({@code --junit FILE}): one test suite, one test case per check, so a
 * CI job or an autograder (GitHub Actions, GitLab, Jenkins, Moodle plug-ins) can count and show
 * them. A failed required check is a {@code <failure>}; a failed ungraded one, and a finding
 * that is not graded, go to the case's {@code <system-out>}; a skipped one is {@code <skipped>}.
 */
public final class JunitReport {

    private JunitReport() { }

    public static String render(CheckReport report, Messages m) {
        boolean udp = report.protocol().equals("udp-calc");
        long failures = report.results().stream().filter(CheckResult::failedRequired).count();
        long skipped = report.count(Status.SKIP);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String suite = "loomlab check " + report.protocol() + " " + report.target().host() + ":" + report.target().port();
        x.append("<testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"")
                .append(report.reachable() ? 0 : 1).append("\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(report.elapsed().toNanos())).append("\">\n");
        for (CheckResult r : report.results()) {
            x.append("  <testcase classname=\"loomlab.check.").append(esc(report.protocol())).append("\" name=\"")
                    .append(esc(r.id() + ": " + r.title())).append("\" time=\"")
                    .append(seconds(r.elapsed().toNanos())).append("\">\n");
            String details = details(r, report, m, udp);
            if (r.failedRequired()) {
                x.append("    <failure message=\"").append(esc(r.outcome())).append("\" type=\"")
                        .append(esc(r.id())).append("\">").append(esc(details)).append("</failure>\n");
            } else if (r.status() == Status.SKIP) {
                x.append("    <skipped message=\"").append(esc(r.outcome())).append("\"/>\n");
            } else {
                x.append("    <system-out>").append(esc(details)).append("</system-out>\n");
            }
            x.append("  </testcase>\n");
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static String details(CheckResult r, CheckReport report, Messages m, boolean udp) {
        StringBuilder d = new StringBuilder();
        d.append(m.get("label.found")).append(": ").append(r.outcome()).append('\n');
        if (r.sentTotal() > 0) d.append(m.get("label.sent")).append(": ").append(TextReport.bytes(r.sent(), r.sentTotal())).append('\n');
        if (r.received() != null) {
            Received got = r.received();
            String ending = Texts.ending(m, got, report.target(), udp);
            d.append(m.get("label.received")).append(": ")
                    .append(got.length() == 0 ? m.get("received.nothing") : TextReport.bytes(got.bytes(), got.length()))
                    .append(ending.isEmpty() ? "" : ", " + ending).append('\n');
        }
        if (!r.expected().isEmpty()) d.append(m.get("label.expected")).append(": ").append(r.expected()).append('\n');
        if (!r.hint().isEmpty()) d.append(m.get("label.hint")).append(": ").append(r.hint()).append('\n');
        return d.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot carry at all become U+FFFD. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff)
                            || (c >= 0xe000 && c <= 0xfffd) || Character.isSurrogate(c);
                    sb.append(legal ? c : '\ufffd');
                }
            }
        }
        return sb.toString();
    }
}
