package dev.throng.app.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the history view writes times, durations and changes. Stateless. */
final class Columns {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Columns() {}

    /** Local date and time to the second. */
    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String duration(long millis) {
        long s = Math.max(0, millis) / 1000;
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A relative change as "+12.5%"; "–" for NaN. */
    static String change(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A change of a rate in points, e.g. "+1.20 pt"; "–" for NaN. */
    static String points(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%+.2f pt", fraction * 100);
    }

    /** Milliseconds with one decimal below 100, whole above; "–" for NaN. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    /** A rate with one decimal. */
    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A fraction as a percentage with two decimals. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
