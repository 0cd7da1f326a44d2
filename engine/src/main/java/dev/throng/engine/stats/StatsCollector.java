package dev.throng.engine.stats;

import dev.throng.engine.project.Threshold;
import dev.throng.engine.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects the statistics of one process's requests: per (name, method) an HdrHistogram interval recorder of
 * response times (µs, three significant digits, values above {@link #MAX_LATENCY_MICROS} counted as that), counters
 * of failures and bytes, and recorders of the connect, TLS and first-byte phases; failures grouped by (name, method,
 * kind, message).
 *
 * <p>Threads: recording ({@link #row}, {@link RowRecorder#record}, {@link #record}, {@link #recordFailure}, {@link
 * #recordGroup}) is for any number of threads at once and never waits for the ticker. {@link #snapshot()} (local
 * runs) or {@link #takeInterval()} (agents) is called by one ticker thread about once a second; use one or the other,
 * as each takes the interval's data. {@link #reset()} may be called from any thread.
 *
 * <p>Hot path: get a {@link RowRecorder} with {@link #row(String, String)} once per request definition and keep it;
 * {@code record(name, method, ...)} looks the row up on every call (without allocating once the row exists).
 *
 * <p>Distinct rows are capped: beyond {@code maxNames} (name, method) pairs, requests are counted in a row named
 * {@value #OTHER} (one per method) and snapshots carry a warning naming a few of the folded names. Memory stays bounded
 * however many distinct names arrive. Once the cap is reached, a new method for a known name folds too.
 *
 * <p>Memory: a row that received requests holds about 0.5 MB (the recorder's two fixed one-hour histograms at three
 * digits, 188 KB each, and the cumulative sum, sized to the largest value seen); measured: 500 rows, 265 MB. Failure
 * groups are capped at 1000; beyond that, new messages of a (name, method, kind) count as "(other messages)".
 */
public final class StatsCollector {
    /** Distinct rows (name and method pairs) kept by default before the rest fold into {@value #OTHER}. */
    public static final int DEFAULT_MAX_NAMES = 500;

    /** The highest latency kept, µs (one hour); larger values are recorded as this. */
    public static final long MAX_LATENCY_MICROS = 3_600_000_000L;

    /** The name of the row that collects the requests beyond the name cap. */
    public static final String OTHER = "(other)";

    /** Failure messages and examples are cut to this many characters. */
    public static final int MAX_TEXT = 500;

    /** Distinct failure groups kept; more messages of the same name and kind are counted under one message. */
    static final int MAX_FAILURE_GROUPS = 1000;

    static final String OTHER_MESSAGES = "(other messages)";

    /** How many folded names a warning quotes. */
    static final int FOLDED_EXAMPLES = 5;

    private final Clock clock;
    private final int maxRows;
    private final StatsAggregator aggregator;

    /** Rows by name, then by method (arrays are replaced, never changed, under {@link #rowsLock}). */
    private final ConcurrentHashMap<String, RowRecorder[]> byName = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, RowRecorder> otherByMethod = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FailureKey, FailureGroup> failures = new ConcurrentHashMap<>();
    private final Object rowsLock = new Object();

    /** Every row, in order of creation; guarded by {@link #rowsLock}. */
    private final List<RowRecorder> rows = new ArrayList<>();

    /** Guarded by {@link #rowsLock}. */
    private final List<String> foldedNames = new ArrayList<>();

    /** Rows other than the {@value #OTHER} ones; guarded by {@link #rowsLock}. */
    private int namedRows;

    private volatile boolean full;
    private volatile boolean examplesFull;
    private long intervalSequence; // guarded by this

    /** A collector that keeps {@value #DEFAULT_MAX_NAMES} distinct rows. */
    public StatsCollector(Clock clock) {
        this(clock, DEFAULT_MAX_NAMES);
    }

    /**
     * @param clock the clock for elapsed time and for when failures were seen
     * @param maxNames distinct rows (name and method pairs) before the rest fold into {@value #OTHER}; at least 1
     */
    public StatsCollector(Clock clock, int maxNames) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.aggregator = new StatsAggregator(clock, maxNames);
        this.maxRows = maxNames;
    }

    /**
     * The recorder of the row (name, method), created on first use; the {@value #OTHER} row of {@code method} when
     * the name cap has been reached. Keep it for the next requests of the same definition.
     *
     * @param name the request name (URL template or given name) or group name
     * @param method the HTTP method, or "" for a group
     */
    public RowRecorder row(String name, String method) {
        RowRecorder[] known = byName.get(name);
        if (known != null) {
            for (RowRecorder r : known) {
                if (r.method().equals(method)) {
                    return r;
                }
            }
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        if (full) {
            return folded(name, method);
        }
        synchronized (rowsLock) {
            RowRecorder[] current = byName.get(name);
            if (current != null) {
                for (RowRecorder r : current) {
                    if (r.method().equals(method)) {
                        return r;
                    }
                }
            }
            if (namedRows >= maxRows) {
                full = true;
                return folded(name, method);
            }
            namedRows++;
            RowRecorder created = register(new RowRecorder(this, name, method));
            RowRecorder[] grown;
            if (current == null) {
                grown = new RowRecorder[] {created};
            } else {
                grown = Arrays.copyOf(current, current.length + 1);
                grown[current.length] = created;
            }
            byName.put(name, grown);
            return created;
        }
    }

    /** The recorder of the group (transaction) {@code name}: the row (name, ""). */
    public RowRecorder group(String name) {
        return row(name, "");
    }

    /**
     * Records one completed request; looks the row up each time (prefer keeping a {@link RowRecorder}).
     *
     * @param latencyMicros response time, µs
     * @param bytes response bytes received
     * @param failed whether it failed (call {@link #recordFailure} as well to say why)
     */
    public void record(String name, String method, long latencyMicros, long bytes, boolean failed) {
        row(name, method).record(latencyMicros, bytes, failed);
    }

    /**
     * Records one completed request with its phases; see {@link RowRecorder#record(long, long, boolean, long, long,
     * long, long)}.
     */
    public void record(
            String name,
            String method,
            long latencyMicros,
            long bytes,
            boolean failed,
            long connectMicros,
            long tlsMicros,
            long firstByteMicros,
            long expectedIntervalMicros) {
        row(name, method)
                .record(
                        latencyMicros,
                        bytes,
                        failed,
                        connectMicros,
                        tlsMicros,
                        firstByteMicros,
                        expectedIntervalMicros);
    }

    /** Records why a request failed; see {@link RowRecorder#recordFailure}. */
    public void recordFailure(String name, String method, String kind, String message, String example) {
        row(name, method).recordFailure(kind, message, example);
    }

    /**
     * Records one completed group (transaction): the row (name, "").
     *
     * @param latencyMicros the time the whole group took, µs
     * @param failed whether any step of it failed
     */
    public void recordGroup(String name, long latencyMicros, boolean failed) {
        group(name).record(latencyMicros, 0, failed);
    }

    /**
     * Takes the interval since the previous snapshot and returns the figures of the interval and since the start (or
     * the last {@link #reset()}). For the one ticker thread.
     */
    public synchronized StatsSnapshot snapshot() {
        List<FailureStats> failureDeltas = drainFailures();
        List<RowInterval> intervalRows = drainRows();
        aggregator.add(intervalRows, failureDeltas, foldedNames());
        return aggregator.snapshot();
    }

    /**
     * Takes the interval since the previous call, encoded for the controller (an agent's ticker calls this instead
     * of {@link #snapshot()}). What it takes does not reach this collector's own snapshots, {@link #evaluate} or
     * {@link #encodedHistograms()}: on the controller, a {@link StatsAggregator} adds it up.
     */
    public synchronized IntervalStats takeInterval() {
        List<FailureStats> failureDeltas = drainFailures();
        List<RowInterval> intervalRows = drainRows();
        List<IntervalStats.Row> encoded = new ArrayList<>(intervalRows.size());
        for (RowInterval r : intervalRows) {
            Histogram[] h = r.histograms();
            encoded.add(new IntervalStats.Row(
                    r.name(),
                    r.method(),
                    r.requests(),
                    r.failures(),
                    r.bytes(),
                    encodeOrNull(h[RowRecorder.LATENCY]),
                    encodeOrNull(h[RowRecorder.CORRECTED]),
                    encodeOrNull(h[RowRecorder.CONNECT]),
                    encodeOrNull(h[RowRecorder.TLS]),
                    encodeOrNull(h[RowRecorder.FIRST_BYTE])));
        }
        return new IntervalStats(++intervalSequence, encoded, failureDeltas, foldedNames());
    }

    /**
     * Starts the figures again from zero (what was recorded but not yet taken is dropped). Row handles stay valid;
     * names already folded stay folded.
     */
    public synchronized void reset() {
        drainFailures();
        drainRows();
        failures.clear();
        aggregator.reset();
    }

    /** See {@link StatsAggregator#encodedHistograms()}; as of the last {@link #snapshot()}. */
    public Map<String, String> encodedHistograms() {
        return aggregator.encodedHistograms();
    }

    /** See {@link StatsAggregator#evaluate}; as of the last {@link #snapshot()}. */
    public List<ThresholdVerdict> evaluate(List<Threshold> rules) {
        return aggregator.evaluate(rules);
    }

    /**
     * See {@link StatsAggregator#openWindow()}: a window over the intervals of the next {@link #snapshot()}s (an
     * agent's {@link #takeInterval()} does not reach it).
     */
    public StatsWindow openWindow() {
        return aggregator.openWindow();
    }

    /** See {@link StatsAggregator#closeWindow}. */
    public void closeWindow(StatsWindow window) {
        aggregator.closeWindow(window);
    }

    /** How many rows exist (for tests of the name cap). */
    int rowCount() {
        synchronized (rowsLock) {
            return rows.size();
        }
    }

    void failure(String name, String method, String kind, String message, String example) {
        String text = cut(message);
        FailureKey key = new FailureKey(name, method, kind == null ? "" : kind, text);
        long now = clock.currentTimeMillis();
        FailureGroup group = failures.get(key);
        if (group == null) {
            // Counting the "(other messages)" groups too keeps this check cheap; they are few (one per name and kind).
            if (failures.size() >= MAX_FAILURE_GROUPS) {
                key = new FailureKey(name, method, key.kind(), OTHER_MESSAGES);
            }
            group = failures.computeIfAbsent(key, k -> new FailureGroup(now, cut(example)));
        }
        group.add(now);
    }

    private RowRecorder folded(String name, String method) {
        if (!examplesFull) {
            synchronized (rowsLock) {
                if (foldedNames.size() < FOLDED_EXAMPLES && !foldedNames.contains(name)) {
                    foldedNames.add(name);
                }
                examplesFull = foldedNames.size() >= FOLDED_EXAMPLES;
            }
        }
        RowRecorder other = otherByMethod.get(method);
        if (other != null) {
            return other;
        }
        synchronized (rowsLock) {
            return otherByMethod.computeIfAbsent(method, m -> register(new RowRecorder(this, OTHER, m)));
        }
    }

    private RowRecorder register(RowRecorder row) {
        rows.add(row);
        return row;
    }

    private List<String> foldedNames() {
        synchronized (rowsLock) {
            return List.copyOf(foldedNames);
        }
    }

    private List<FailureStats> drainFailures() {
        List<FailureStats> out = new ArrayList<>();
        failures.forEach((k, g) -> {
            long count = g.pending.sumThenReset();
            if (count > 0) {
                out.add(new FailureStats(
                        k.name(),
                        k.method(),
                        k.kind(),
                        k.message(),
                        count,
                        g.firstSeenMillis,
                        g.lastSeenMillis.get(),
                        g.example));
            }
        });
        return out;
    }

    /**
     * Takes every row's interval: counters first, then histograms, so a request's failure is never counted in an
     * interval before its response time.
     */
    private List<RowInterval> drainRows() {
        List<RowRecorder> all;
        synchronized (rowsLock) {
            all = List.copyOf(rows);
        }
        List<RowInterval> out = new ArrayList<>();
        for (RowRecorder row : all) {
            long failed = row.failures.sumThenReset();
            long bytes = row.bytes.sumThenReset();
            Histogram[] histograms = new Histogram[RowRecorder.SLOTS];
            for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
                Recorder recorder = row.recorderOrNull(slot);
                if (recorder != null) {
                    Histogram h = recorder.getIntervalHistogram(row.recycled[slot]);
                    row.recycled[slot] = h;
                    histograms[slot] = h;
                }
            }
            RowInterval interval = new RowInterval(row.name(), row.method(), failed, bytes, histograms);
            if (!interval.isEmpty()) {
                out.add(interval);
            }
        }
        return out;
    }

    private static byte[] encodeOrNull(Histogram h) {
        return h == null || h.getTotalCount() == 0 ? null : HistogramCodec.encodeInterval(h);
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
