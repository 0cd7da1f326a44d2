package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.time.FakeClock;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SparseHistogramCodecTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void roundTripKeepsEveryCountAndAddingEqualsHdrHistogramsAdd() {
        Random random = new Random(7);
        for (int digits : new int[] {Histograms.PHASE_DIGITS, Histograms.DIGITS}) {
            Histogram source = new Histogram(1, StatsCollector.MAX_LATENCY_MICROS, digits);
            source.recordValueWithCount(0, 3);
            source.recordValue(StatsCollector.MAX_LATENCY_MICROS);
            for (int i = 0; i < 5_000; i++) {
                source.recordValue((long) Math.exp(random.nextDouble() * 20));
            }
            byte[] bytes = HistogramCodec.encodeInterval(source);
            assertThat(HistogramCodec.decodeInterval(bytes)).isEqualTo(source);

            Histogram viaAdd = new Histogram(digits);
            viaAdd.recordValue(1234);
            Histogram viaSparse = viaAdd.copy();
            viaAdd.add(source);
            SparseHistogramCodec.check(bytes, digits);
            SparseHistogramCodec.addChecked(bytes, viaSparse, new SparseHistogramCodec.Scratch());
            assertThat(viaSparse).isEqualTo(viaAdd);
            assertThat(viaSparse.getMaxValue()).isEqualTo(viaAdd.getMaxValue());
            assertThat(viaSparse.getMinNonZeroValue()).isEqualTo(viaAdd.getMinNonZeroValue());
        }
    }

    @Test
    void aSecondsIntervalIsSmall() {
        Histogram h = new Histogram(1, StatsCollector.MAX_LATENCY_MICROS, Histograms.DIGITS);
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            h.recordValue(2_000 + (long) (Math.abs(random.nextGaussian()) * 40_000));
        }
        // At most 50 buckets of a few bytes each, where the compressed HdrHistogram form took about 70 bytes.
        assertThat(HistogramCodec.encodeInterval(h).length).isLessThan(50 * 4 + 6);
    }

    @Test
    void hostileBytesAreRefusedBeforeAnythingIsAllocatedOrAdded() {
        int d = Histograms.DIGITS;
        List<byte[]> hostile = List.of(
                new byte[0],
                new byte[] {1, 3},
                new byte[] {2, 3, 0},
                // digits the slot does not use
                bytes(1, 2, 1, 5, 1),
                // a value far beyond the largest latency (would make the target allocate a huge array)
                bytes(1, 3, 1, Long.MAX_VALUE / 2, 1),
                bytes(1, 3, 2, StatsCollector.MAX_LATENCY_MICROS, 1, 1, 1),
                // counts of zero, or summing beyond the cap
                bytes(1, 3, 1, 5, 0),
                bytes(1, 3, 2, 5, SparseHistogramCodec.MAX_COUNT, 1, 1),
                // a value repeated, buckets claimed beyond the bytes, trailing bytes, a cut-off varint
                bytes(1, 3, 2, 5, 1, 0, 1),
                bytes(1, 3, 1_000_000_000, 5, 1),
                bytes(1, 3, 1, 5, 1, 7),
                new byte[] {1, 3, 1, (byte) 0x85},
                new byte[] {1, 3, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1});
        for (byte[] bytes : hostile) {
            assertThatThrownBy(() -> SparseHistogramCodec.check(bytes, d))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a sparse interval histogram");
        }

        // Through the aggregator: a good row and a hostile one in the same interval add nothing at all.
        StatsCollector agent = new StatsCollector(clock);
        agent.record("/a", "GET", 1_000, 10, false);
        IntervalStats.Row good = agent.takeInterval().rows().getFirst();
        IntervalStats.Row bad = new IntervalStats.Row(
                "/b", "GET", 1, 0, 0, bytes(1, 3, 1, StatsCollector.MAX_LATENCY_MICROS + 1, 1), null, null, null, null);
        StatsAggregator controller = new StatsAggregator(clock);
        assertThatThrownBy(() -> controller.add(new IntervalStats(1, List.of(good, bad), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above");
        assertThat(controller.snapshot().cumulativeTotal().requests()).isZero();
    }

    /** Header bytes, then varints. */
    private static byte[] bytes(int format, int digits, long... varints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(format);
        out.write(digits);
        for (long v : varints) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
        return out.toByteArray();
    }
}
