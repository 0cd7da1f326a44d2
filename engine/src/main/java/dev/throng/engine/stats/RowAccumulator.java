package dev.throng.engine.stats;

import org.HdrHistogram.Histogram;

/**
 * One row inside a {@link StatsAggregator}: what arrived in the current interval and everything since the start (or
 * the last reset). Histograms are indexed by {@link RowRecorder}'s slots and created when first needed.
 *
 * <p>When a single histogram arrives for a slot in an interval (a local run, or one agent), it is used as it is,
 * without a copy, until {@link #commit()}; a second one makes the row add both into a histogram of its own. The total
 * row never borrows, as the rows' histograms change when they commit. Confined to the aggregator's lock.
 */
final class RowAccumulator {
    final String name;
    final String method;
    final String label;
    private final boolean borrows;
    private final Histogram[] interval = new Histogram[RowRecorder.SLOTS];
    private final boolean[] owned = new boolean[RowRecorder.SLOTS];
    private final Histogram[] spare = new Histogram[RowRecorder.SLOTS];
    private final Histogram[] cumulative = new Histogram[RowRecorder.SLOTS];

    /** Summaries of the cumulative histograms, by slot; null until computed and after the slot changed. */
    private final LatencySummary[] cumulativeSummaries = new LatencySummary[RowRecorder.SLOTS];

    /**
     * Buckets added since the last {@link #flush()}, per slot: (value, count) pairs not yet in the interval's
     * histogram. Many agents' intervals are added one after the other, each touching every row; adding each row's
     * buckets into its (large) histogram at once would touch hundreds of histograms per message. Kept here, they go
     * into each histogram in one pass when the interval is read.
     */
    private final long[][] pendingValues = new long[RowRecorder.SLOTS][];

    private final long[][] pendingCounts = new long[RowRecorder.SLOTS][];
    private final int[] pendingSize = new int[RowRecorder.SLOTS];
    private boolean pending;

    private long intervalFailures;
    private long intervalBytes;
    private long failures;
    private long bytes;

    RowAccumulator(String name, String method) {
        this(name, method, true);
    }

    /** @param borrows whether a single histogram arriving in an interval may be used without a copy */
    RowAccumulator(String name, String method, boolean borrows) {
        this.borrows = borrows;
        this.name = name;
        this.method = method;
        this.label = method.isEmpty() ? name : method + " " + name;
    }

    boolean isGroup() {
        return method.isEmpty();
    }

    /** Adds one source's interval figures to the current interval. */
    void add(long addedFailures, long addedBytes, Histogram[] histograms) {
        flush();
        intervalFailures += addedFailures;
        intervalBytes += addedBytes;
        for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
            addToInterval(slot, histograms[slot]);
        }
    }

    /** Adds one source's failures and bytes to the current interval (its histograms come by {@link #target}). */
    void addCounters(long addedFailures, long addedBytes) {
        intervalFailures += addedFailures;
        intervalBytes += addedBytes;
    }

    /**
     * Adds {@code n} buckets (values and counts from index {@code from}) to the current interval of {@code slot}; they
     * reach the histogram at the next {@link #flush()} (any read of the interval flushes first).
     */
    void addBuckets(int slot, long[] values, long[] counts, int from, int n) {
        if (n <= 0) {
            return;
        }
        int size = pendingSize[slot];
        long[] v = pendingValues[slot];
        if (v == null || v.length < size + n) {
            int length = Math.max(size + n, v == null ? 64 : v.length * 2);
            pendingValues[slot] = v = v == null ? new long[length] : java.util.Arrays.copyOf(v, length);
            long[] c = pendingCounts[slot];
            pendingCounts[slot] = c == null ? new long[length] : java.util.Arrays.copyOf(c, length);
        }
        System.arraycopy(values, from, v, size, n);
        System.arraycopy(counts, from, pendingCounts[slot], size, n);
        pendingSize[slot] = size + n;
        pending = true;
    }

    /** Adds the buckets of {@link #addBuckets} into the interval's histograms, one histogram at a time. */
    void flush() {
        if (!pending) {
            return;
        }
        pending = false;
        for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
            int size = pendingSize[slot];
            if (size == 0) {
                continue;
            }
            long[] values = pendingValues[slot];
            long[] counts = pendingCounts[slot];
            Histogram h = target(slot);
            // the highest and the lowest first, so the histogram's volatile maximum and minimum move at most twice
            int high = 0;
            int low = 0;
            for (int i = 1; i < size; i++) {
                if (values[i] > values[high]) {
                    high = i;
                }
                if (values[i] < values[low]) {
                    low = i;
                }
            }
            h.recordValueWithCount(values[high], counts[high]);
            if (low != high) {
                h.recordValueWithCount(values[low], counts[low]);
            }
            for (int i = 0; i < size; i++) {
                if (i != high && i != low) {
                    h.recordValueWithCount(values[i], counts[i]);
                }
            }
            pendingSize[slot] = 0;
            if (values.length > 1 << 16) {
                pendingValues[slot] = null;
                pendingCounts[slot] = null;
            }
        }
    }

    /** The current interval's histogram of {@code slot}, owned by this row, to add counts into. */
    Histogram target(int slot) {
        if (!owned[slot]) {
            Histogram own = spare[slot];
            spare[slot] = null;
            if (own == null) {
                own = Histograms.newAccumulator(slot);
            }
            Histogram current = interval[slot];
            if (current != null) {
                own.add(current);
            }
            interval[slot] = own;
            owned[slot] = true;
        }
        return interval[slot];
    }

    /**
     * Adds this row's current interval to {@code total}. The total's corrected slot receives this row's corrected
     * histogram, or its plain one when the row has none, so that the total corrected figures cover every request.
     */
    void addIntervalTo(RowAccumulator total) {
        flush();
        total.intervalFailures += intervalFailures;
        total.intervalBytes += intervalBytes;
        for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
            Histogram h = interval[slot];
            if (slot == RowRecorder.CORRECTED && h == null) {
                h = interval[RowRecorder.LATENCY];
            }
            total.addToInterval(slot, h);
        }
    }

    /** Figures of the current interval. */
    RowStats intervalStats(double seconds, boolean corrected) {
        flush();
        return stats(interval, null, intervalFailures, intervalBytes, seconds, corrected);
    }

    /** Figures since the start, including the interval once {@link #commit()} was called. */
    RowStats cumulativeStats(double seconds, boolean corrected) {
        return stats(cumulative, cumulativeSummaries, failures, bytes, seconds, corrected);
    }

    /** Moves the current interval into the cumulative figures and starts an empty interval. */
    void commit() {
        flush();
        failures += intervalFailures;
        bytes += intervalBytes;
        intervalFailures = 0;
        intervalBytes = 0;
        for (int slot = 0; slot < RowRecorder.SLOTS; slot++) {
            Histogram h = interval[slot];
            if (h == null) {
                continue;
            }
            if (h.getTotalCount() > 0) {
                if (cumulative[slot] == null) {
                    cumulative[slot] = Histograms.newAccumulator(slot);
                }
                cumulative[slot].add(h);
                cumulativeSummaries[slot] = null;
            }
            if (owned[slot]) {
                h.reset();
                spare[slot] = h;
                owned[slot] = false;
            }
            interval[slot] = null;
        }
    }

    long requests() {
        Histogram h = cumulative[RowRecorder.LATENCY];
        return h == null ? 0 : h.getTotalCount();
    }

    long failures() {
        return failures;
    }

    boolean hasCorrected() {
        flush();
        Histogram h = cumulative[RowRecorder.CORRECTED];
        Histogram i = interval[RowRecorder.CORRECTED];
        return (h != null && h.getTotalCount() > 0) || (i != null && i.getTotalCount() > 0);
    }

    boolean hasData() {
        flush();
        return requests() > 0 || failures > 0 || intervalFailures > 0 || intervalRequests() > 0;
    }

    private long intervalRequests() {
        Histogram h = interval[RowRecorder.LATENCY];
        return h == null ? 0 : h.getTotalCount();
    }

    /** The cumulative histogram of {@code slot}, or {@code null}. Do not change it. */
    Histogram cumulative(int slot) {
        return cumulative[slot];
    }

    private void addToInterval(int slot, Histogram source) {
        if (source == null || source.getTotalCount() == 0) {
            return;
        }
        Histogram current = interval[slot];
        if (current == null && borrows) {
            interval[slot] = source;
            return;
        }
        target(slot).add(source);
    }

    /** @param cache summaries to reuse by slot (for the cumulative figures, which rarely change), or null */
    private RowStats stats(
            Histogram[] h, LatencySummary[] cache, long failures, long bytes, double seconds, boolean withCorrected) {
        Histogram latency = h[RowRecorder.LATENCY];
        long requests = latency == null ? 0 : latency.getTotalCount();
        double rps = seconds > 0 ? requests / seconds : 0;
        LatencySummary corrected = null;
        if (withCorrected) {
            corrected = summary(h, cache, RowRecorder.CORRECTED);
        }
        PhaseStats phases = PhaseStats.EMPTY;
        if (h[RowRecorder.CONNECT] != null || h[RowRecorder.TLS] != null || h[RowRecorder.FIRST_BYTE] != null) {
            phases = new PhaseStats(
                    count(h[RowRecorder.CONNECT]),
                    summary(h, cache, RowRecorder.CONNECT),
                    count(h[RowRecorder.TLS]),
                    summary(h, cache, RowRecorder.TLS),
                    count(h[RowRecorder.FIRST_BYTE]),
                    summary(h, cache, RowRecorder.FIRST_BYTE));
        }
        return new RowStats(
                name,
                method,
                requests,
                failures,
                bytes,
                rps,
                summary(h, cache, RowRecorder.LATENCY),
                corrected,
                phases);
    }

    private static LatencySummary summary(Histogram[] h, LatencySummary[] cache, int slot) {
        if (cache == null) {
            return Histograms.summarize(h[slot]);
        }
        LatencySummary s = cache[slot];
        if (s == null) {
            s = Histograms.summarize(h[slot]);
            cache[slot] = s;
        }
        return s;
    }

    private static long count(Histogram h) {
        return h == null ? 0 : h.getTotalCount();
    }
}
