package dev.throng.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.project.Threshold;
import dev.throng.engine.time.FakeClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsWindowTest {
    private final FakeClock clock = new FakeClock();
    private final StatsCollector stats = new StatsCollector(clock);

    private void second(long latencyMicros, int requests, int failures) {
        for (int i = 0; i < requests; i++) {
            stats.record("/slow", "GET", latencyMicros, 10, i < failures);
            stats.record("/fast", "GET", 1_000, 10, false);
        }
        clock.advanceMillis(1000);
        stats.snapshot();
    }

    @Test
    void aWindowSeesOnlyTheIntervalsClosedWhileItIsOpen() {
        second(10_000, 100, 0); // before: fast
        StatsWindow window = stats.openWindow();
        second(200_000, 50, 5);
        second(200_000, 50, 5);
        stats.closeWindow(window);
        second(10_000, 100, 0); // after: fast again

        assertThat(window.intervals()).isEqualTo(2);
        assertThat(window.millis()).isEqualTo(2000);
        RowStats total = window.total();
        assertThat(total.requests()).isEqualTo(200);
        assertThat(total.failures()).isEqualTo(10);
        assertThat(total.rps()).isCloseTo(100.0, within(1e-9));
        assertThat(window.rows()).extracting(RowStats::label).containsExactly("GET /fast", "GET /slow");
        RowStats slow = window.rows().get(1);
        assertThat(slow.latency().p50Ms()).isCloseTo(200.0, within(1.0));

        // the same rules, judged on the window alone and on the whole run, disagree as they should
        var rules = List.of(Threshold.parse("name~/slow:p50<100ms"), Threshold.parse("error_rate<2%"));
        assertThat(window.evaluate(rules)).extracting(ThresholdVerdict::passed).containsExactly(false, false);
        assertThat(stats.evaluate(rules)).extracting(ThresholdVerdict::passed).containsExactly(true, true);
        assertThat(window.evaluate(List.of(Threshold.parse("rps>=100")))
                        .getFirst()
                        .value())
                .isCloseTo(100.0, within(1e-9));
    }

    @Test
    void aResetOfTheRunDoesNotEmptyAWindow() {
        StatsWindow window = stats.openWindow();
        second(10_000, 10, 0);
        stats.reset();
        second(10_000, 10, 0);

        assertThat(window.total().requests()).isEqualTo(40);
    }

    @Test
    void anEmptyWindowBreaksEveryRuleForWantOfData() {
        StatsWindow window = stats.openWindow();

        var verdict = window.evaluate(List.of(Threshold.parse("p95<1s"))).getFirst();

        assertThat(verdict.passed()).isFalse();
        assertThat(window.total().requests()).isZero();
    }
}
