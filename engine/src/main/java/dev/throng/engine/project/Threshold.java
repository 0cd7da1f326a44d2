package dev.throng.engine.project;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pass/fail rule on the results, such as {@code p95<300ms}, {@code error_rate<1%} or {@code rps>100}, optionally
 * scoped to the requests whose name matches a pattern ({@code name~/product:p95<300ms}).
 *
 * @param metric what is measured
 * @param scope a regular expression searched in request names, or {@code null} for all requests together
 * @param comparison how the measured value is compared with {@code value}
 * @param value the limit: milliseconds for latencies, a fraction in {@code [0, 1]} for the error rate, requests per
 *     second for {@code RPS}
 * @param abortOnFail stop the run as soon as the rule is broken
 */
public record Threshold(Metric metric, String scope, Comparison comparison, double value, boolean abortOnFail) {

    public Threshold {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** What a threshold measures. */
    public enum Metric {
        P50("p50"),
        P90("p90"),
        P95("p95"),
        P99("p99"),
        MAX("max"),
        AVG("avg"),
        ERROR_RATE("error_rate"),
        RPS("rps");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isLatency() {
            return this != ERROR_RATE && this != RPS;
        }
    }

    public enum Comparison {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code measured} passes against {@code limit}. */
        public boolean test(double measured, double limit) {
            return switch (this) {
                case LT -> measured < limit;
                case LE -> measured <= limit;
                case GT -> measured > limit;
                case GE -> measured >= limit;
            };
        }
    }

    private static final Pattern RULE =
            Pattern.compile("\\s*([a-z_0-9]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|%)?\\s*");

    /**
     * Parses a rule such as {@code p95<300ms}, {@code p99 <= 1.5s}, {@code error_rate<1%}, {@code rps>100} or
     * {@code name~/product:p95<300ms}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what is accepted
     */
    public static Threshold parse(String rule) {
        Objects.requireNonNull(rule, "rule");
        String text = rule.strip();
        String scope = null;
        if (text.startsWith("name~")) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "threshold '" + rule + "': a scoped rule is name~PATTERN:RULE, e.g. name~/product:p95<300ms");
            }
            scope = text.substring(5, colon);
            text = text.substring(colon + 1);
            try {
                Pattern.compile(scope);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("threshold '" + rule
                        + "': the name pattern is not a regular expression: " + e.getDescription());
            }
        }
        var m = RULE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "threshold '" + rule + "': expected METRIC<VALUE such as p95<300ms, error_rate<1% or rps>100");
        }
        Metric metric = null;
        for (Metric candidate : Metric.values()) {
            if (candidate.label.equals(m.group(1))) {
                metric = candidate;
            }
        }
        if (metric == null) {
            throw new IllegalArgumentException("threshold '" + rule + "': unknown metric '" + m.group(1)
                    + "' (use p50, p90, p95, p99, max, avg, error_rate or rps)");
        }
        Comparison comparison = switch (m.group(2)) {
            case "<" -> Comparison.LT;
            case "<=" -> Comparison.LE;
            case ">" -> Comparison.GT;
            default -> Comparison.GE;
        };
        BigDecimal number = new BigDecimal(m.group(3));
        String unit = m.group(4);
        double value = switch (metric) {
            case ERROR_RATE -> {
                if ("ms".equals(unit) || "s".equals(unit)) {
                    throw new IllegalArgumentException(
                            "threshold '" + rule + "': error_rate takes a percentage such as 1% or a fraction");
                }
                yield ("%".equals(unit) ? number.movePointLeft(2) : number).doubleValue();
            }
            case RPS -> {
                if (unit != null) {
                    throw new IllegalArgumentException(
                            "threshold '" + rule + "': rps takes a plain number of requests per second");
                }
                yield number.doubleValue();
            }
            default -> {
                if ("%".equals(unit)) {
                    throw new IllegalArgumentException(
                            "threshold '" + rule + "': " + metric.label + " takes a time such as 300ms or 1.5s");
                }
                yield ("s".equals(unit) ? number.movePointRight(3) : number).doubleValue();
            }
        };
        return new Threshold(metric, scope, comparison, value, false);
    }

    /**
     * The canonical text of this rule, which {@link #parse} reads back to an equal value (without abort) whenever
     * {@code value} is a finite number of zero or more: latencies in ms, the error rate in percent.
     */
    public String rule() {
        String v = switch (metric) {
            case ERROR_RATE -> format(value, 2) + "%";
            case RPS -> format(value, 0);
            default -> format(value, 0) + "ms";
        };
        String core = metric.label + comparison.symbol + v;
        return scope == null ? core : "name~" + scope + ":" + core;
    }

    /** {@code v} times 10^{@code shift} in plain decimal digits, exact (no binary rounding noise, no exponent). */
    private static String format(double v, int shift) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).movePointRight(shift).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    public Threshold withAbortOnFail(boolean value) {
        return new Threshold(metric, scope, comparison, this.value, value);
    }
}
