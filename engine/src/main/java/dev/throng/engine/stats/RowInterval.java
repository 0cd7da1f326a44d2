package dev.throng.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * One row's figures for one interval, on their way from a {@link StatsCollector} (or a decoded {@link IntervalStats})
 * into a {@link StatsAggregator}. The histograms are indexed by {@link RowRecorder}'s slots and may be {@code null};
 * they are only valid until the next drain of their recorder.
 */
record RowInterval(String name, String method, long failures, long bytes, Histogram[] histograms) {

    long requests() {
        Histogram latency = histograms[RowRecorder.LATENCY];
        return latency == null ? 0 : latency.getTotalCount();
    }

    boolean isEmpty() {
        if (failures != 0 || bytes != 0) {
            return false;
        }
        for (Histogram h : histograms) {
            if (h != null && h.getTotalCount() != 0) {
                return false;
            }
        }
        return true;
    }
}
