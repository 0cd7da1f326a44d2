package dev.throng.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.stats.IntervalStats;
import dev.throng.engine.stats.StatsAggregator;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.time.FakeClock;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalStatsCodecTest {
    private final FakeClock clock = new FakeClock();

    private IntervalStats sample() {
        StatsCollector collector = new StatsCollector(clock);
        Random random = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            String name = "/product/{id}#" + (i % 7);
            collector.record(name, i % 3 == 0 ? "POST" : "GET", 1_000 + random.nextInt(50_000), 512, i % 50 == 0);
        }
        collector.recordFailure("/cart", "POST", "http-status", "500 Internal Server Error", "POST /cart → 500");
        collector.recordGroup("checkout", 120_000, false);
        return collector.takeInterval();
    }

    @Test
    void anIntervalRoundTripsAndMergesToTheSameFigures() {
        IntervalStats stats = sample();
        IntervalStats decoded = IntervalStatsCodec.decode(IntervalStatsCodec.encode(stats));

        assertThat(decoded.sequence()).isEqualTo(stats.sequence());
        assertThat(decoded.failures()).isEqualTo(stats.failures());
        assertThat(decoded.foldedNames()).isEqualTo(stats.foldedNames());
        assertThat(decoded.rows()).hasSameSizeAs(stats.rows());
        for (int i = 0; i < stats.rows().size(); i++) {
            var a = stats.rows().get(i);
            var b = decoded.rows().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.method()).isEqualTo(a.method());
            assertThat(new long[] {b.requests(), b.failures(), b.bytes()})
                    .containsExactly(a.requests(), a.failures(), a.bytes());
            assertThat(b.latency()).isEqualTo(a.latency());
            assertThat(b.corrected()).isEqualTo(a.corrected());
            assertThat(b.firstByte()).isEqualTo(a.firstByte());
        }

        StatsAggregator direct = new StatsAggregator(clock);
        direct.add(stats);
        StatsAggregator viaWire = new StatsAggregator(clock);
        viaWire.add(decoded);
        clock.advanceMillis(1_000);
        assertThat(viaWire.snapshot()).isEqualTo(direct.snapshot());
    }

    @Test
    void truncatedOrCorruptPayloadsAreRefusedWithAReason() {
        byte[] payload = IntervalStatsCodec.encode(sample());
        for (int length = 0; length < payload.length; length += 7) {
            byte[] cut = Arrays.copyOf(payload, length);
            assertThatThrownBy(() -> IntervalStatsCodec.decode(cut))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid stats payload");
        }
        byte[] otherFormat = payload.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> IntervalStatsCodec.decode(otherFormat)).hasMessageContaining("format 9");

        Random random = new Random(2);
        for (int i = 0; i < 3_000; i++) {
            byte[] mutated = payload.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            try {
                IntervalStatsCodec.decode(mutated);
            } catch (IllegalArgumentException expected) {
                // refused with a reason: fine
            }
        }
    }
}
