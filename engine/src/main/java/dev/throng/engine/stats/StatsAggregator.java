package dev.throng.engine.stats;

import dev.throng.engine.project.Threshold;
import dev.throng.engine.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Adds up intervals (from one {@link StatsCollector} or from many agents' {@link IntervalStats}) into snapshots.
 * Histograms are added, never averaged, so the figures of many agents are exactly those one collector would have
 * computed from all the requests.
 *
 * <p>Thread-safe: every method locks the aggregator. Meant for one ticker thread calling {@link #snapshot()} once a
 * second while agents' intervals are {@link #add added} from a receiving thread.
 *
 * <p>Rows: per (name, method); groups have the method "". The total ("Total") covers the request rows, not the
 * groups (a group's time already includes its requests'). Distinct rows beyond {@code maxNames} fold into
 * {@value StatsCollector#OTHER}, as in the collector.
 */
public final class StatsAggregator {
    /** The name of the total row. */
    public static final String TOTAL = "Total";

    private static final Comparator<RowAccumulator> BY_LABEL =
            Comparator.comparing((RowAccumulator r) -> r.label).thenComparing(r -> r.method);

    private final Clock clock;
    private final int maxNames;
    private final long startNanos;
    private long resetNanos;
    private long lastSnapshotNanos;
    private long sequence;
    private final Map<FailureKey, FailureTotal> failures = new HashMap<>();
    private final Map<String, Long> requestsBySource = new HashMap<>();

    /** Failure groups with a message of their own (not "(other messages)"). */
    private int failureMessages;

    /** Buckets of the interval being added, and how many each of its histograms has (row by row, slot by slot). */
    private final SparseHistogramCodec.Scratch scratch = new SparseHistogramCodec.Scratch();

    private int[] bucketCounts = new int[256];

    private final Map<RowKey, RowAccumulator> rows = new HashMap<>();
    private final List<RowAccumulator> sorted = new ArrayList<>();
    private boolean sortNeeded;
    private int namedRows;
    private final LinkedHashMap<String, Boolean> folded = new LinkedHashMap<>();
    private RowAccumulator total = new RowAccumulator(TOTAL, "", false);
    private final List<StatsWindow> windows = new ArrayList<>();

    /** An aggregator that folds rows beyond {@link StatsCollector#DEFAULT_MAX_NAMES}. */
    public StatsAggregator(Clock clock) {
        this(clock, StatsCollector.DEFAULT_MAX_NAMES);
    }

    /**
     * @param clock gives the elapsed and interval times
     * @param maxNames distinct rows (name and method pairs) before the rest fold into "(other)"; at least 1
     */
    public StatsAggregator(Clock clock, int maxNames) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxNames < 1) {
            throw new IllegalArgumentException("maxNames must be at least 1, was " + maxNames);
        }
        this.maxNames = maxNames;
        this.startNanos = clock.nanoTime();
        this.resetNanos = startNanos;
        this.lastSnapshotNanos = startNanos;
    }

    /**
     * Adds one agent's interval to the current interval and counts its requests for {@link #requestsBySource()}.
     *
     * @param source the agent's id
     * @throws IllegalArgumentException when a histogram in it cannot be decoded
     */
    public synchronized void add(String source, IntervalStats stats) {
        add(stats);
        long requests = 0;
        for (IntervalStats.Row row : stats.rows()) {
            if (!row.method().isEmpty()) {
                requests += row.requests();
            }
        }
        requestsBySource.merge(Objects.requireNonNull(source, "source"), requests, Long::sum);
    }

    /**
     * Requests added per source with {@link #add(String, IntervalStats)} since the start or the last reset (groups
     * not counted), for the per-agent figures of the results.
     */
    public synchronized Map<String, Long> requestsBySource() {
        return Map.copyOf(requestsBySource);
    }

    /**
     * Adds one agent's interval to the current interval.
     *
     * @throws IllegalArgumentException when a histogram in it cannot be decoded
     */
    public synchronized void add(IntervalStats stats) {
        // Every histogram is read and checked (into the scratch buffers) before anything is added, so that a bad
        // interval changes nothing.
        scratch.size = 0;
        int histograms = stats.rows().size() * RowRecorder.SLOTS;
        if (bucketCounts.length < histograms) {
            bucketCounts = new int[Math.max(histograms, bucketCounts.length * 2)];
        }
        int k = 0;
        for (IntervalStats.Row row : stats.rows()) {
            for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
                byte[] bytes = row.histogram(slot);
                bucketCounts[k++] =
                        bytes == null ? 0 : SparseHistogramCodec.readInto(bytes, Histograms.digits(slot), scratch);
            }
        }
        k = 0;
        int from = 0;
        for (IntervalStats.Row row : stats.rows()) {
            RowAccumulator accumulator = accumulator(row.name(), row.method());
            accumulator.addCounters(row.failures(), row.bytes());
            for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
                int buckets = bucketCounts[k++];
                if (buckets > 0) {
                    accumulator.addBuckets(slot, scratch.values, scratch.counts, from, buckets);
                    from += buckets;
                }
            }
        }
        scratch.trim();
        for (FailureStats f : stats.failures()) {
            addFailure(f);
        }
        noteFolded(stats.foldedNames());
    }

    /** Adds a collector's drained interval (histograms are used before this returns and not kept). */
    synchronized void add(List<RowInterval> intervalRows, List<FailureStats> failureDeltas, List<String> foldedNames) {
        for (RowInterval row : intervalRows) {
            accumulator(row.name(), row.method()).add(row.failures(), row.bytes(), row.histograms());
        }
        for (FailureStats f : failureDeltas) {
            addFailure(f);
        }
        noteFolded(foldedNames);
    }

    /**
     * Closes the current interval: returns its figures and those since the start (or the last {@link #reset()}).
     * The interval is the time since the previous snapshot.
     */
    public synchronized StatsSnapshot snapshot() {
        long now = clock.nanoTime();
        double intervalSeconds = (now - lastSnapshotNanos) / 1e9;
        double cumulativeSeconds = (now - resetNanos) / 1e9;
        long intervalMillis = (now - lastSnapshotNanos) / 1_000_000;
        long intervalNanos = now - lastSnapshotNanos;
        lastSnapshotNanos = now;
        sequence++;
        if (sortNeeded) {
            sorted.sort(BY_LABEL);
            sortNeeded = false;
        }
        boolean anyCorrected = false;
        for (RowAccumulator row : sorted) {
            if (!row.isGroup()) {
                row.addIntervalTo(total);
                anyCorrected |= row.hasCorrected();
            }
        }
        for (StatsWindow window : windows) {
            for (RowAccumulator row : sorted) {
                window.take(row);
            }
            window.commit(intervalNanos);
        }
        List<RowStats> interval = new ArrayList<>(sorted.size());
        List<RowStats> cumulative = new ArrayList<>(sorted.size());
        for (RowAccumulator row : sorted) {
            if (!row.hasData()) {
                continue;
            }
            boolean corrected = row.hasCorrected();
            interval.add(row.intervalStats(intervalSeconds, corrected));
            row.commit();
            cumulative.add(row.cumulativeStats(cumulativeSeconds, corrected));
        }
        RowStats intervalTotal = total.intervalStats(intervalSeconds, anyCorrected);
        total.commit();
        RowStats cumulativeTotal = total.cumulativeStats(cumulativeSeconds, anyCorrected);
        return new StatsSnapshot(
                sequence,
                (now - startNanos) / 1_000_000,
                intervalMillis,
                interval,
                intervalTotal,
                cumulative,
                cumulativeTotal,
                failureList(),
                warnings());
    }

    /**
     * Opens a window that adds up every interval this aggregator closes from now on (at each {@link #snapshot()})
     * until {@link #closeWindow closed}; see {@link StatsWindow}. A {@link #reset()} does not empty it.
     */
    public synchronized StatsWindow openWindow() {
        var window = new StatsWindow(this);
        windows.add(window);
        return window;
    }

    /** Stops adding intervals to {@code window}; its figures stay readable. */
    public synchronized void closeWindow(StatsWindow window) {
        windows.remove(window);
    }

    /** Starts the figures again from zero; the elapsed time and the sequence go on. */
    public synchronized void reset() {
        rows.clear();
        sorted.clear();
        namedRows = 0;
        failures.clear();
        failureMessages = 0;
        requestsBySource.clear();
        folded.clear();
        total = new RowAccumulator(TOTAL, "", false);
        resetNanos = clock.nanoTime();
        lastSnapshotNanos = resetNanos;
    }

    /**
     * The cumulative latency histogram of every row as of the last snapshot, encoded with
     * {@link HistogramCodec#encode}, keyed by row label ("GET /x", a group's name, and {@value #TOTAL}). For saving
     * runs so they can be compared and merged exactly.
     */
    public synchronized Map<String, String> encodedHistograms() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RowAccumulator row : sorted) {
            Histogram h = row.cumulative(RowRecorder.LATENCY);
            if (h != null) {
                out.put(row.label, HistogramCodec.encode(h));
            }
        }
        Histogram h = total.cumulative(RowRecorder.LATENCY);
        if (h != null) {
            out.put(TOTAL, HistogramCodec.encode(h));
        }
        return out;
    }

    /**
     * Judges {@code rules} against the figures as of the last snapshot. See {@link ThresholdEvaluator} for what each
     * metric means.
     */
    public synchronized List<ThresholdVerdict> evaluate(List<Threshold> rules) {
        double seconds = (lastSnapshotNanos - resetNanos) / 1e9;
        return ThresholdEvaluator.evaluate(rules, List.copyOf(sorted), total, seconds);
    }

    private RowAccumulator accumulator(String name, String method) {
        RowAccumulator row = rows.get(new RowKey(name, method));
        if (row != null) {
            return row;
        }
        String rowName = name;
        if (!name.equals(StatsCollector.OTHER)) {
            if (namedRows >= maxNames) {
                noteFolded(List.of(name));
                rowName = StatsCollector.OTHER;
                row = rows.get(new RowKey(rowName, method));
                if (row != null) {
                    return row;
                }
            } else {
                namedRows++;
            }
        }
        row = new RowAccumulator(rowName, method);
        rows.put(new RowKey(rowName, method), row);
        sorted.add(row);
        sortNeeded = true;
        return row;
    }

    private void addFailure(FailureStats f) {
        String name = f.name();
        if (!rows.containsKey(new RowKey(name, f.method()))) {
            // A failure may arrive an interval before its row's response time; the row takes its place now.
            name = accumulator(name, f.method()).name;
        }
        FailureKey key = new FailureKey(name, f.method(), f.kind(), f.message());
        FailureTotal t = failures.get(key);
        if (t == null) {
            boolean other = key.message().equals(StatsCollector.OTHER_MESSAGES);
            if (!other && failureMessages >= StatsCollector.MAX_FAILURE_GROUPS) {
                key = new FailureKey(name, f.method(), f.kind(), StatsCollector.OTHER_MESSAGES);
                t = failures.get(key);
            } else if (!other) {
                failureMessages++;
            }
            if (t == null) {
                t = new FailureTotal(f.firstSeenMillis(), f.example());
                failures.put(key, t);
            }
        }
        t.count += f.count();
        t.firstSeenMillis = Math.min(t.firstSeenMillis, f.firstSeenMillis());
        t.lastSeenMillis = Math.max(t.lastSeenMillis, f.lastSeenMillis());
    }

    private void noteFolded(List<String> foldedNames) {
        for (String n : foldedNames) {
            if (folded.size() >= StatsCollector.FOLDED_EXAMPLES) {
                return;
            }
            folded.putIfAbsent(n, Boolean.TRUE);
        }
    }

    private List<FailureStats> failureList() {
        List<FailureStats> out = new ArrayList<>(failures.size());
        failures.forEach((k, t) -> out.add(new FailureStats(
                k.name(), k.method(), k.kind(), k.message(), t.count, t.firstSeenMillis, t.lastSeenMillis, t.example)));
        out.sort(Comparator.comparingLong(FailureStats::count)
                .reversed()
                .thenComparing(FailureStats::name)
                .thenComparing(FailureStats::method)
                .thenComparing(FailureStats::kind)
                .thenComparing(FailureStats::message));
        return out;
    }

    private List<String> warnings() {
        if (folded.isEmpty()) {
            return List.of();
        }
        return List.of(
                "More than " + maxNames
                        + " distinct requests (name and method): the rest are counted together in the row \""
                        + StatsCollector.OTHER + "\" (for example " + String.join(", ", folded.keySet())
                        + "). Give these requests a name, such as the URL template /product/{id}, so that one row covers them.");
    }

    private record RowKey(String name, String method) {}

    /** A failure group's totals; confined to the aggregator's lock. */
    private static final class FailureTotal {
        long count;
        long firstSeenMillis;
        long lastSeenMillis;
        final String example;

        FailureTotal(long firstSeenMillis, String example) {
            this.firstSeenMillis = firstSeenMillis;
            this.lastSeenMillis = firstSeenMillis;
            this.example = example;
        }
    }
}
