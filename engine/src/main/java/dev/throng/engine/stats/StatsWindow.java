package dev.throng.engine.stats;

import dev.throng.engine.project.Threshold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a span of a run: every interval an aggregator closes (at each {@link StatsAggregator#snapshot()})
 * from the moment the window was opened ({@link StatsAggregator#openWindow()}) until it is closed, added up exactly
 * (histograms added, never averaged). It can be judged against thresholds with the same rules as the whole run
 * ({@link ThresholdEvaluator}) and summarised per row. Used to judge one step of a capacity search on its own figures.
 *
 * <p>Threads: guarded by its aggregator's lock; every method may be called from any thread. A window sees only
 * intervals closed after it was opened; its length is the sum of their lengths.
 */
public final class StatsWindow {
    private static final Comparator<RowAccumulator> BY_LABEL =
            Comparator.comparing((RowAccumulator r) -> r.label).thenComparing(r -> r.method);

    private final Object lock;
    private final Map<String, RowAccumulator> rows = new HashMap<>(); // by label
    private final List<RowAccumulator> sorted = new ArrayList<>();
    private RowAccumulator total = new RowAccumulator(StatsAggregator.TOTAL, "", false);
    private long nanos;
    private int intervals;

    StatsWindow(Object lock) {
        this.lock = lock;
    }

    /** Adds one row's current interval (before the aggregator commits it). Called with the lock held. */
    void take(RowAccumulator row) {
        RowAccumulator own = rows.get(row.label);
        if (own == null) {
            own = new RowAccumulator(row.name, row.method, false);
            rows.put(row.label, own);
            sorted.add(own);
            sorted.sort(BY_LABEL);
        }
        row.addIntervalTo(own);
    }

    /** Ends an interval of {@code intervalNanos} that every row was {@link #take taken} for. Lock held. */
    void commit(long intervalNanos) {
        for (RowAccumulator row : sorted) {
            if (!row.isGroup()) {
                row.addIntervalTo(total);
            }
            row.commit();
        }
        total.commit();
        nanos += Math.max(0, intervalNanos);
        intervals++;
    }

    /** The window's length so far, ms: the sum of the intervals it took. */
    public long millis() {
        synchronized (lock) {
            return nanos / 1_000_000;
        }
    }

    /** How many intervals the window took so far. */
    public int intervals() {
        synchronized (lock) {
            return intervals;
        }
    }

    /** Judges {@code rules} against the window's figures, as {@link ThresholdEvaluator} judges a whole run. */
    public List<ThresholdVerdict> evaluate(List<Threshold> rules) {
        synchronized (lock) {
            return ThresholdEvaluator.evaluate(rules, List.copyOf(sorted), total, nanos / 1e9);
        }
    }

    /** Every request row together over the window (groups left out, as in the run's total). */
    public RowStats total() {
        synchronized (lock) {
            return total.cumulativeStats(nanos / 1e9, false);
        }
    }

    /** The figures of each row (requests and groups) over the window, sorted by label. */
    public List<RowStats> rows() {
        synchronized (lock) {
            var out = new ArrayList<RowStats>(sorted.size());
            for (RowAccumulator row : sorted) {
                if (row.hasData()) {
                    out.add(row.cumulativeStats(nanos / 1e9, false));
                }
            }
            return out;
        }
    }
}
