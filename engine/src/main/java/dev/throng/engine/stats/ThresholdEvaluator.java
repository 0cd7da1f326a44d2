package dev.throng.engine.stats;

import dev.throng.engine.project.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Judges {@link Threshold}s against cumulative statistics (since the start or the last reset, as of the last
 * snapshot).
 *
 * <ul>
 *   <li>Rows in scope: without a scope, every request (the total; groups are not requests). With a scope, the
 *       request rows whose name contains a match of the regular expression; when no request row matches, the group
 *       rows that do, so a transaction can be given a rule by its name.
 *   <li>Latency metrics (p50, p90, p95, p99, max, avg; ms) come from the histogram obtained by adding the histograms
 *       of the rows in scope, never from averaging their percentiles.
 *   <li>{@code error_rate} is failures / requests of the rows in scope; {@code rps} is their requests / elapsed
 *       seconds.
 *   <li>No data fails: a rule whose scope matches no row, or whose rows have no requests, is broken, with the value
 *       NaN and a note saying so. A typo in a pattern must not pass silently, and a run that made no requests has
 *       shown nothing.
 * </ul>
 *
 * <p>Stateless; any thread (it locks the collector or aggregator it reads).
 */
public final class ThresholdEvaluator {
    private ThresholdEvaluator() {}

    /** Judges {@code rules} against {@code stats} as of its last snapshot. */
    public static List<ThresholdVerdict> evaluate(List<Threshold> rules, StatsCollector stats) {
        return stats.evaluate(rules);
    }

    /** Judges {@code rules} against {@code stats} as of its last snapshot. */
    public static List<ThresholdVerdict> evaluate(List<Threshold> rules, StatsAggregator stats) {
        return stats.evaluate(rules);
    }

    /** Called with the aggregator's lock held. */
    static List<ThresholdVerdict> evaluate(
            List<Threshold> rules, List<RowAccumulator> rows, RowAccumulator total, double seconds) {
        List<ThresholdVerdict> out = new ArrayList<>(rules.size());
        for (Threshold rule : rules) {
            out.add(evaluate(rule, rows, total, seconds));
        }
        return out;
    }

    private static ThresholdVerdict evaluate(
            Threshold rule, List<RowAccumulator> rows, RowAccumulator total, double seconds) {
        List<RowAccumulator> scope;
        if (rule.scope() == null) {
            scope = List.of(total);
        } else {
            scope = matching(rule.scope(), rows);
            if (scope.isEmpty()) {
                return broken(
                        rule,
                        "no request or group name matches the pattern '" + rule.scope()
                                + "'; check the pattern against the names in the statistics");
            }
        }
        long requests = 0;
        long failures = 0;
        for (RowAccumulator row : scope) {
            requests += row.requests();
            failures += row.failures();
        }
        if (requests == 0) {
            return broken(
                    rule,
                    rule.scope() == null
                            ? "no requests were made"
                            : "no requests matching '" + rule.scope() + "' were made");
        }
        double value = switch (rule.metric()) {
            case ERROR_RATE -> (double) failures / requests;
            case RPS -> seconds > 0 ? requests / seconds : 0;
            default -> latency(rule.metric(), merged(scope));
        };
        return new ThresholdVerdict(rule, rule.comparison().test(value, rule.value()), value, "");
    }

    private static List<RowAccumulator> matching(String scope, List<RowAccumulator> rows) {
        Pattern pattern = Pattern.compile(scope);
        List<RowAccumulator> requests = new ArrayList<>();
        List<RowAccumulator> groups = new ArrayList<>();
        for (RowAccumulator row : rows) {
            if (pattern.matcher(row.name).find()) {
                (row.isGroup() ? groups : requests).add(row);
            }
        }
        return requests.isEmpty() ? groups : requests;
    }

    private static Histogram merged(List<RowAccumulator> rows) {
        if (rows.size() == 1) {
            return rows.getFirst().cumulative(RowRecorder.LATENCY);
        }
        Histogram sum = Histograms.newAccumulator(RowRecorder.LATENCY);
        for (RowAccumulator row : rows) {
            Histogram h = row.cumulative(RowRecorder.LATENCY);
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }

    private static double latency(Threshold.Metric metric, Histogram h) {
        return switch (metric) {
            case P50 -> h.getValueAtPercentile(50) / 1000.0;
            case P90 -> h.getValueAtPercentile(90) / 1000.0;
            case P95 -> h.getValueAtPercentile(95) / 1000.0;
            case P99 -> h.getValueAtPercentile(99) / 1000.0;
            case MAX -> h.getMaxValue() / 1000.0;
            case AVG -> h.getMean() / 1000.0;
            case ERROR_RATE, RPS -> throw new IllegalArgumentException("not a latency metric: " + metric);
        };
    }

    private static ThresholdVerdict broken(Threshold rule, String note) {
        return new ThresholdVerdict(rule, false, Double.NaN, note);
    }
}
