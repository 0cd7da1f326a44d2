package dev.throng.app.run;

import dev.throng.engine.project.Threshold;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the app words a capacity search's objective (the project's thresholds): "p95 < 500ms", "errors < 1%",
 * "rps > 100", "p95 < 300ms on names ~ /product", and lengths such as "12m 30s". Pure functions; thread-safe.
 */
public final class ObjectiveText {
    private ObjectiveText() {}

    /** One rule in words; a text {@link Threshold#parse} does not read is returned as it is. */
    public static String rule(String ruleText) {
        if (ruleText == null) {
            return "";
        }
        try {
            return rule(Threshold.parse(ruleText));
        } catch (IllegalArgumentException e) {
            return ruleText;
        }
    }

    /** One rule in words: "p95 < 500ms", "errors < 1%", "rps > 100", "p95 < 300ms on names ~ /product". */
    public static String rule(Threshold t) {
        String value = switch (t.metric()) {
            case ERROR_RATE -> plain(t.value() * 100) + "%";
            case RPS -> plain(t.value());
            default -> plain(t.value()) + "ms";
        };
        String metric = t.metric() == Threshold.Metric.ERROR_RATE
                ? "errors"
                : t.metric().label();
        String core = metric + " " + t.comparison().symbol() + " " + value;
        return t.scope() == null ? core : core + " on names ~ " + t.scope();
    }

    /** The rules in words, joined by ", ". */
    public static String objective(List<Threshold> rules) {
        return rules.stream().map(ObjectiveText::rule).collect(Collectors.joining(", "));
    }

    /** A length in seconds in words: "45s", "12m 30s", "2m", "1h 5m". */
    public static String length(long seconds) {
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            return h + "h" + (m > 0 ? " " + m + "m" : "") + (sec > 0 ? " " + sec + "s" : "");
        }
        if (m > 0) {
            return m + "m" + (sec > 0 ? " " + sec + "s" : "");
        }
        return sec + "s";
    }

    /** A load: a whole number when it is one, otherwise up to two decimals: "190", "12.5". */
    public static String load(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return plain(Math.round(value * 100) / 100.0);
    }

    private static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
