package dev.throng.engine.stats;

import java.util.List;

/**
 * Statistics at one tick: the last interval and everything since the start (or the last reset). Immutable.
 *
 * @param sequence tick number, from 1
 * @param elapsedMillis time since the run started, ms
 * @param intervalMillis length of the interval, ms
 * @param interval per-row figures of the interval, sorted by label
 * @param intervalTotal all rows of the interval together (percentiles from the merged histogram)
 * @param cumulative per-row figures since the start, sorted by label
 * @param cumulativeTotal all rows since the start together
 * @param failures failure groups since the start, most frequent first
 * @param warnings things a person should know (e.g. names folded into "(other)")
 */
public record StatsSnapshot(
        long sequence,
        long elapsedMillis,
        long intervalMillis,
        List<RowStats> interval,
        RowStats intervalTotal,
        List<RowStats> cumulative,
        RowStats cumulativeTotal,
        List<FailureStats> failures,
        List<String> warnings) {

    public StatsSnapshot {
        interval = List.copyOf(interval);
        cumulative = List.copyOf(cumulative);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }
}
