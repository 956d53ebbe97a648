package loomlab.load;

import java.util.Locale;

/** Numbers as the reports print them: the same on every machine, whatever its locale. */
public final class Numbers {

    private Numbers() { }

    /** 1234567 -> "1,234,567" */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 20.0 -> "20", 2.5 -> "2.5", 0.125 -> "0.125" */
    public static String decimal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "");
    }

    /** Milliseconds with the precision a reader needs: "0.052", "3.41", "27.1", "1200". */
    public static String millis(double ms) {
        if (ms < 1) return String.format(Locale.ROOT, "%.3f", ms);
        if (ms < 10) return String.format(Locale.ROOT, "%.2f", ms);
        if (ms < 100) return String.format(Locale.ROOT, "%.1f", ms);
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    /** Bytes for people: "812 B", "14.2 KiB", "3.1 MiB". */
    public static String bytes(double b) {
        if (Math.abs(b) < 1024) return String.format(Locale.ROOT, "%.0f B", b);
        if (Math.abs(b) < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        if (Math.abs(b) < 1024.0 * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
        return String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }
}
