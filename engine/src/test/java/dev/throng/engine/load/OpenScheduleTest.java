package dev.throng.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenScheduleTest {
    private static final long S = 1_000_000_000L;

    private static int[] perSecond(OpenSchedule schedule, int seconds) {
        int[] counts = new int[seconds];
        for (long k = 0; ; k++) {
            long t = schedule.nextArrivalAfter(k);
            if (t == OpenSchedule.NEVER) {
                break;
            }
            counts[(int) (t / S)]++;
        }
        return counts;
    }

    @Test
    void aConstantRateArrivesEvenly() {
        var schedule = OpenSchedule.of(new LoadPlan.Open(10, List.of(), 5, Duration.ofSeconds(3), Duration.ZERO));
        assertThat(schedule.arrivalRateAt(S)).isEqualTo(10);
        assertThat(schedule.nextArrivalAfter(0)).isZero();
        assertThat(schedule.nextArrivalAfter(1)).isEqualTo(S / 10);
        assertThat(perSecond(schedule, 3)).containsExactly(10, 10, 10);
        assertThat(schedule.nextArrivalAfter(30)).isEqualTo(OpenSchedule.NEVER);
    }

    @Test
    void aRampsCountsPerSecondEqualTheIntegral() {
        // 0 -> 20/s over 10 s: rate 2t, integral t², so second s holds (s+1)² - s² = 2s + 1 arrivals
        var plan = new LoadPlan.Open(
                0, List.of(new LoadPlan.RateStage(Duration.ofSeconds(10), 20)), 5, Duration.ZERO, Duration.ZERO);
        var schedule = OpenSchedule.of(plan);
        int[] counts = perSecond(schedule, 10);
        for (int s = 0; s < 10; s++) {
            assertThat(counts[s]).as("second %d", s).isEqualTo(2 * s + 1);
        }
        assertThat(schedule.arrivalRateAt(5 * S)).isEqualTo(10);
        assertThat(schedule.arrivalsDueBy(3 * S)).isEqualTo(9.0);
    }

    @Test
    void stagesUpDownThenHold() {
        var plan = new LoadPlan.Open(
                4,
                List.of(
                        new LoadPlan.RateStage(Duration.ofSeconds(2), 8),
                        new LoadPlan.RateStage(Duration.ofSeconds(2), 0)),
                5,
                Duration.ofSeconds(6),
                Duration.ZERO);
        var schedule = OpenSchedule.of(plan);
        // rate 4 -> 8 over 2 s: I(t) = 4t + t², I(1) = 5, I(2) = 12; then 8 -> 0: 8u - 2u², +6 then +2
        assertThat(perSecond(schedule, 6)).containsExactly(5, 7, 6, 2, 0, 0);
        assertThat(schedule.durationNanos()).isEqualTo(6 * S);
        assertThat(schedule.arrivalRateAt(3 * S)).isEqualTo(4);
        assertThat(schedule.maxRate()).isEqualTo(8);
    }

    @Test
    void aZeroRateNeverArrives() {
        var schedule = OpenSchedule.constant(0, 10 * S);
        assertThat(schedule.nextArrivalAfter(0)).isEqualTo(OpenSchedule.NEVER);
    }
}
