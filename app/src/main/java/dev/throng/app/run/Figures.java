package dev.throng.app.run;

import java.util.Locale;

/** How the dashboard writes numbers and times. Pure functions; thread-safe. */
final class Figures {
    private Figures() {}

    /** A count with thousands separators: "12,345". */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A rate: one decimal below 100, none above: "7.5", "1,234". */
    static String rate(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return Math.abs(value) < 100
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Milliseconds: one decimal below 10 ms, none above: "3.2", "245". */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A share in {@code [0, 1]} as a percentage: "0.25%". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** A duration given in ms as "m:ss", or "h:mm:ss" from an hour on. */
    static String clock(long millis) {
        long s = Math.max(0, millis) / 1000;
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
