package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

class HistogramsTest {
    @Test
    void theOnePassSummaryEqualsHdrHistogramsOwnFigures() {
        Random random = new Random(3);
        for (int n : new int[] {1, 2, 7, 100, 1000, 54_321}) {
            Recorder recorder = Histograms.newRecorder(RowRecorder.LATENCY);
            for (int i = 0; i < n; i++) {
                recorder.recordValue(Histograms.clamp((long) Math.exp(random.nextDouble() * 22)));
            }
            Histogram h = recorder.getIntervalHistogram();

            LatencySummary s = Histograms.summarize(h);

            assertThat(s.p50Ms()).isEqualTo(h.getValueAtPercentile(50) / 1000.0);
            assertThat(s.p90Ms()).isEqualTo(h.getValueAtPercentile(90) / 1000.0);
            assertThat(s.p95Ms()).isEqualTo(h.getValueAtPercentile(95) / 1000.0);
            assertThat(s.p99Ms()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
            assertThat(s.p999Ms()).isEqualTo(h.getValueAtPercentile(99.9) / 1000.0);
            assertThat(s.maxMs()).isEqualTo(h.getMaxValue() / 1000.0);
            assertThat(s.meanMs())
                    .isCloseTo(h.getMean() / 1000.0, org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void aCompactCopyHasTheSameCountsAndASmallerRange() {
        Recorder recorder = Histograms.newRecorder(RowRecorder.LATENCY);
        for (int i = 1; i <= 1000; i++) {
            recorder.recordValue(i * 100L);
        }
        Histogram h = recorder.getIntervalHistogram();

        Histogram copy = Histograms.compactCopy(h);

        assertThat(copy).isEqualTo(h);
        assertThat(copy.getHighestTrackableValue()).isLessThan(h.getHighestTrackableValue());
        assertThat(HistogramCodec.decodeBytes(HistogramCodec.encodeBytes(copy)).getEstimatedFootprintInBytes())
                .isLessThan(h.getEstimatedFootprintInBytes() / 2);
    }

    @Test
    void correctionsAreBoundedForHugeValues() {
        assertThat(Histograms.correctionInterval(1_000_000, 100_000)).isEqualTo(100_000);
        assertThat(StatsCollector.MAX_LATENCY_MICROS
                        / Histograms.correctionInterval(StatsCollector.MAX_LATENCY_MICROS, 1))
                .isLessThanOrEqualTo(Histograms.MAX_CORRECTION_STEPS);
    }
}
