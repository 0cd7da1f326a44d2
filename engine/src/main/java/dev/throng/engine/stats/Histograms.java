package dev.throng.engine.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The histogram settings every part of the statistics shares, and the conversion of a histogram to a summary.
 *
 * <p>Recorders cover 1 µs to {@link StatsCollector#MAX_LATENCY_MICROS} at a fixed size (no resizing on the hot path;
 * larger values are clamped by the caller). Response times keep three significant digits (0.1%); the phase timings
 * (connect, TLS, first byte) two (1%), which makes their histograms eight times smaller. Accumulators (interval and
 * cumulative sums) size themselves to the largest value they hold. Packed histograms were measured and rejected:
 * recording and adding were one to two orders of magnitude slower. Stateless; any thread.
 */
final class Histograms {
    /** Three significant digits: a response time is known to 0.1%. */
    static final int DIGITS = 3;

    /** Two significant digits for phase timings: known to 1%. */
    static final int PHASE_DIGITS = 2;

    /** At most this many synthetic values per coordinated-omission correction, so a huge value cannot stall a user. */
    static final long MAX_CORRECTION_STEPS = 10_000;

    private Histograms() {}

    /** A recorder for {@code slot} of {@link RowRecorder}. */
    static Recorder newRecorder(int slot) {
        return new Recorder(1, StatsCollector.MAX_LATENCY_MICROS, digits(slot));
    }

    /** An empty histogram to add the histograms of {@code slot} into; it grows with the largest value added. */
    static Histogram newAccumulator(int slot) {
        return new Histogram(digits(slot));
    }

    /** The significant digits of the histograms of {@code slot}. */
    static int digits(int slot) {
        return slot == RowRecorder.LATENCY || slot == RowRecorder.CORRECTED ? DIGITS : PHASE_DIGITS;
    }

    /** {@code micros} limited to {@code [0, MAX_LATENCY_MICROS]}. */
    static long clamp(long micros) {
        if (micros < 0) {
            return 0;
        }
        return Math.min(micros, StatsCollector.MAX_LATENCY_MICROS);
    }

    /**
     * The expected interval to correct with, raised when needed so the correction adds at most
     * {@link #MAX_CORRECTION_STEPS} values.
     */
    static long correctionInterval(long valueMicros, long expectedIntervalMicros) {
        long floor = valueMicros / MAX_CORRECTION_STEPS + 1;
        return Math.max(expectedIntervalMicros, floor);
    }

    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

    /**
     * Percentiles of {@code h} (values in µs) in milliseconds; {@link LatencySummary#EMPTY} when empty.
     *
     * <p>One pass over the histogram gives every percentile and the mean, the same values as HdrHistogram's {@code
     * getValueAtPercentile} and {@code getMean} (which would take one pass each).
     */
    static LatencySummary summarize(AbstractHistogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        long total = h.getTotalCount();
        long[] targets = new long[PERCENTILES.length];
        for (int i = 0; i < targets.length; i++) {
            double p = Math.min(Math.max(Math.nextAfter(PERCENTILES[i], Double.NEGATIVE_INFINITY), 0), 100);
            targets[i] = Math.max(1, (long) Math.ceil(p * total / 100));
        }
        long[] values = new long[PERCENTILES.length];
        int next = 0;
        long seen = 0;
        double sum = 0;
        // Walks the buckets from the lowest value up: plain arithmetic and array reads, several times faster than
        // HdrHistogram's iterators, and stops once every count has been seen.
        // The walk starts at the lowest value recorded: below it every bucket is empty (and the finest).
        long first = h.getCountAtValue(0) > 0 ? 0 : h.lowestEquivalentValue(h.getMinNonZeroValue());
        for (long value = first; seen < total; value = h.nextNonEquivalentValue(value)) {
            long count = h.getCountAtValue(value);
            if (count == 0) {
                continue;
            }
            seen += count;
            sum += (double) h.medianEquivalentValue(value) * count;
            while (next < targets.length && seen >= targets[next]) {
                values[next++] = h.highestEquivalentValue(value);
            }
        }
        return new LatencySummary(
                ms(values[0]),
                ms(values[1]),
                ms(values[2]),
                ms(values[3]),
                ms(values[4]),
                ms(h.getMaxValue()),
                sum / total / 1000.0);
    }

    /**
     * A copy of {@code h} sized to its largest value, so that encoding it tells the decoder to allocate no more than
     * that (a recorder's histograms are sized for an hour).
     */
    static Histogram compactCopy(Histogram h) {
        Histogram copy = new Histogram(h.getNumberOfSignificantValueDigits());
        copy.add(h);
        return copy;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
