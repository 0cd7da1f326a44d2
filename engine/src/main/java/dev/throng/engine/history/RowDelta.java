package dev.throng.engine.history;

import dev.throng.engine.stats.RowStats;
import java.util.List;

/**
 * One row of a comparison: its figures in the first run ("before") and the second ("after").
 *
 * @param label "METHOD name", a group's name, or "Total"
 * @param before the row in the first run, or {@code null} when it only appears in the second
 * @param after the row in the second run, or {@code null} when it only appears in the first
 * @param regressions what got worse beyond the limits, in words (e.g. "p95 +23.5%"); empty when nothing did
 */
public record RowDelta(String label, RowStats before, RowStats after, List<String> regressions) {

    public RowDelta {
        regressions = List.copyOf(regressions);
    }

    public boolean isRegression() {
        return !regressions.isEmpty();
    }

    /** Relative change of the median, e.g. 0.25 for +25%; NaN when a side is missing or was zero. */
    public double p50Change() {
        return before == null || after == null
                ? Double.NaN
                : relative(before.latency().p50Ms(), after.latency().p50Ms());
    }

    /** Relative change of the 95th percentile; NaN when a side is missing or was zero. */
    public double p95Change() {
        return before == null || after == null
                ? Double.NaN
                : relative(before.latency().p95Ms(), after.latency().p95Ms());
    }

    /** Relative change of the 99th percentile; NaN when a side is missing or was zero. */
    public double p99Change() {
        return before == null || after == null
                ? Double.NaN
                : relative(before.latency().p99Ms(), after.latency().p99Ms());
    }

    /** Relative change of requests per second; NaN when a side is missing or was zero. */
    public double rpsChange() {
        return before == null || after == null ? Double.NaN : relative(before.rps(), after.rps());
    }

    /** Change of the error rate as a fraction (0.02 = two points more); NaN when a side is missing. */
    public double errorRateChange() {
        return before == null || after == null ? Double.NaN : after.errorRate() - before.errorRate();
    }

    static double relative(double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after) || before == 0) {
            return Double.NaN;
        }
        return (after - before) / before;
    }
}
