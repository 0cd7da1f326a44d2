package dev.throng.engine.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;

/**
 * The histogram settings every part of the statistics shares, and the conversion of a histogram to a summary.
 *
 * <p>Recorders are packed (memory grows with the spread of the values recorded, not with the range), and values are
 * clamped to {@link StatsCollector#MAX_LATENCY_MICROS}, so a row never holds more than a bounded histogram even
 * though HdrHistogram's packed arrays size themselves. Stateless; any thread.
 */
final class Histograms {
    /** Three significant digits: a value is known to 0.1%. */
    static final int DIGITS = 3;

    /** At most this many synthetic values per coordinated-omission correction, so a huge value cannot stall a user. */
    static final long MAX_CORRECTION_STEPS = 10_000;

    private Histograms() {}

    static Recorder newRecorder() {
        return new Recorder(DIGITS, true);
    }

    /** An empty histogram to add interval histograms into (packed, sized as values arrive). */
    static Histogram newAccumulator() {
        return new PackedHistogram(DIGITS);
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

    /** Percentiles of {@code h} (values in µs) in milliseconds; {@link LatencySummary#EMPTY} when empty. */
    static LatencySummary summarize(AbstractHistogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                h.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
