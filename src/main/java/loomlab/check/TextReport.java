package loomlab.check;

import loomlab.check.CheckResult.Status;

/**
 * The report for a person: one line per check, the details of each failure (what was sent, what
 * came back, what the protocol expects, the hint), the findings and a summary. Colours (ANSI)
 * only when asked for, i.e. on a terminal; every server byte goes through {@link ShownBytes}.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";

    private TextReport() { }

    public static String render(CheckReport report, Messages m, boolean colour) {
        StringBuilder out = new StringBuilder();
        boolean udp = report.protocol().equals("udp-calc");
        out.append(m.get("report.header", report.protocol(), report.target().where(),
                Texts.duration(report.target().timeout()))).append("\n\n");
        int idWidth = report.results().stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (CheckResult r : report.results()) {
            String status = m.get("status." + r.status().name().toLowerCase());
            out.append(paint(colour, colourOf(r), String.format("%-5s", status))).append(' ')
                    .append(String.format("%-" + idWidth + "s", r.id())).append("  ").append(r.title());
            if (r.status() == Status.PASS || r.status() == Status.INFO || r.status() == Status.SKIP) {
                out.append(" -> ").append(r.outcome());
            }
            if (r.status() == Status.FAIL && !r.required()) out.append(' ').append(m.get("report.notGraded"));
            out.append("  (").append(Texts.duration(r.elapsed())).append(")\n");
            if (r.status() == Status.FAIL) details(out, r, report, m, colour, udp);
        }
        out.append('\n');
        for (String finding : report.findings()) out.append(finding).append('\n');
        long failed = report.results().stream().filter(CheckResult::failedRequired).count();
        long passed = report.count(Status.PASS);
        out.append(m.get("report.summary", report.results().size(), passed, failed,
                report.results().size() - passed - failed)).append(' ');
        int exit = report.exitCode();
        String verdict = switch (exit) {
            case CheckReport.OK -> m.get("report.verdict.ok");
            case CheckReport.UNREACHABLE -> m.get("report.verdict.unreachable");
            default -> m.get("report.verdict.failed");
        };
        out.append(paint(colour, exit == CheckReport.OK ? "32;1" : "31;1", verdict)).append('\n');
        return out.toString();
    }

    private static void details(StringBuilder out, CheckResult r, CheckReport report, Messages m, boolean colour,
                                boolean udp) {
        String pad = "      ";
        if (r.sentTotal() > 0) {
            line(out, pad, m.get("label.sent"), bytes(r.sent(), r.sentTotal()));
        }
        if (r.received() != null) {
            Received got = r.received();
            String ending = Texts.ending(m, got, report.target(), udp);
            String shown = got.length() == 0 ? m.get("received.nothing") : bytes(got.bytes(), got.length());
            line(out, pad, m.get("label.received"), ending.isEmpty() ? shown : shown + ", " + ending);
        }
        if (!r.expected().isEmpty()) line(out, pad, m.get("label.expected"), r.expected());
        line(out, pad, m.get("label.found"), r.outcome());
        if (!r.hint().isEmpty()) {
            out.append(pad).append(paint(colour, "1", pad(m.get("label.hint")))).append(r.hint()).append('\n');
        }
    }

    private static void line(StringBuilder out, String pad, String label, String text) {
        out.append(pad).append(pad(label)).append(text).append('\n');
    }

    private static String pad(String label) {
        return String.format("%-11s", label + ":");
    }

    /** Hex and escaped text of bytes that came from (or went to) the server, shortened. */
    static String bytes(byte[] bytes, long total) {
        return ShownBytes.hex(bytes, total) + "  " + ShownBytes.text(bytes, total);
    }

    private static String colourOf(CheckResult r) {
        return switch (r.status()) {
            case PASS -> "32";
            case FAIL -> r.required() ? "31" : "33";
            case INFO -> "36";
            case SKIP -> "33";
        };
    }

    private static String paint(boolean colour, String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
