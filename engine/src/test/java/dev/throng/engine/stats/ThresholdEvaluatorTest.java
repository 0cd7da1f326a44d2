package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.project.Threshold;
import dev.throng.engine.time.FakeClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {
    private final FakeClock clock = new FakeClock();
    private final StatsCollector stats = new StatsCollector(clock);

    private ThresholdVerdict judge(String rule) {
        return ThresholdEvaluator.evaluate(List.of(Threshold.parse(rule)), stats)
                .getFirst();
    }

    private void load() {
        // 90 fast product pages at 10 ms, 10 slow ones at 1 s; 100 home pages at 5 ms, 5 of them failed.
        for (int i = 0; i < 100; i++) {
            stats.record("/product/{id}", "GET", i < 90 ? 10_000 : 1_000_000, 0, false);
            stats.record("/", "GET", 5_000, 0, i < 5);
        }
        stats.recordGroup("checkout", 2_000_000, false);
        clock.advanceMillis(10_000);
        stats.snapshot();
    }

    @Test
    void unscopedRulesJudgeTheTotal() {
        load();

        ThresholdVerdict p99 = judge("p99<300ms");
        assertThat(p99.passed()).isFalse();
        assertThat(p99.value()).isCloseTo(1000.0, within(1.0));
        assertThat(p99.note()).isEmpty();
        // 200 requests, 10 of them slow: the 95th percentile is still a fast one.
        assertThat(judge("p95<300ms").passed()).isTrue();
        assertThat(judge("p95<300ms").value()).isCloseTo(10.0, within(0.01));
        assertThat(judge("p50<6ms").passed()).isTrue();
        assertThat(judge("error_rate<1%").value()).isEqualTo(0.025);
        assertThat(judge("error_rate<1%").passed()).isFalse();
        assertThat(judge("error_rate<5%").passed()).isTrue();
        assertThat(judge("rps>=20").value()).isEqualTo(20.0);
        assertThat(judge("rps>=20").passed()).isTrue();
        assertThat(judge("max<2s").passed()).isTrue(); // the 2 s group is not a request
        assertThat(judge("avg<100ms").value()).isCloseTo((90 * 10 + 10 * 1000 + 100 * 5) / 200.0, within(1.0));
    }

    @Test
    void scopedRulesUseTheMergedHistogramOfTheMatchingRows() {
        load();

        assertThat(judge("name~/product:p90<11ms").passed()).isTrue();
        ThresholdVerdict product = judge("name~/product:p95<300ms");
        assertThat(product.passed()).isFalse();
        assertThat(product.value()).isCloseTo(1000.0, within(1.0));
        assertThat(judge("name~^/$:error_rate<=5%").value()).isEqualTo(0.05);
        // Both rows: p95 of the 200 merged values is a fast one (only 10 of 200 are slow), which an average of the
        // two rows' p95s (5 ms and 1 s, about 500 ms) would not say.
        ThresholdVerdict both = judge("name~/:p95<100ms");
        assertThat(both.passed()).isTrue();
        assertThat(both.value()).isCloseTo(10.0, within(0.01));
        assertThat(judge("name~/:rps>=20").passed()).isTrue();
    }

    @Test
    void aScopeThatMatchesOnlyAGroupJudgesTheGroup() {
        load();

        ThresholdVerdict checkout = judge("name~checkout:p95<1s");

        assertThat(checkout.passed()).isFalse();
        assertThat(checkout.value()).isCloseTo(2000.0, within(2.0));
    }

    @Test
    void aScopeMatchingNothingFailsWithANoteInsteadOfPassingSilently() {
        load();

        ThresholdVerdict typo = judge("name~/prodcut:p95<300ms");

        assertThat(typo.passed()).isFalse();
        assertThat(typo.value()).isNaN();
        assertThat(typo.note()).contains("/prodcut", "matches");
    }

    @Test
    void aRunWithoutRequestsFailsEveryRule() {
        stats.snapshot();

        assertThat(judge("error_rate<1%").passed()).isFalse();
        assertThat(judge("rps<1000").passed()).isFalse();
        assertThat(judge("p99<1s").note()).contains("no requests");
    }

    @Test
    void theAggregatorJudgesTheSameWay() {
        StatsAggregator aggregator = new StatsAggregator(clock);
        StatsCollector agent = new StatsCollector(clock);
        agent.record("/a", "GET", 400_000, 0, false);
        aggregator.add(agent.takeInterval());
        clock.advanceMillis(1000);
        aggregator.snapshot();

        List<ThresholdVerdict> verdicts = ThresholdEvaluator.evaluate(
                List.of(Threshold.parse("p95<300ms"), Threshold.parse("rps>0.5")), aggregator);

        assertThat(verdicts).extracting(ThresholdVerdict::passed).containsExactly(false, true);
    }
}
