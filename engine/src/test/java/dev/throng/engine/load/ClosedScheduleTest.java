package dev.throng.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedScheduleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void rampsAtTheSpawnRateThenHolds() {
        var plan = new LoadPlan.Closed(10, 2, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5));
        var schedule = ClosedSchedule.of(plan);
        assertThat(schedule.usersAt(-1)).isZero();
        assertThat(schedule.usersAt(0)).isEqualTo(1);
        assertThat(schedule.usersAt(S / 2 - 1)).isEqualTo(1);
        assertThat(schedule.usersAt(S / 2)).isEqualTo(2);
        assertThat(schedule.usersAt(S)).isEqualTo(3);
        assertThat(schedule.usersAt(4 * S + S / 2)).isEqualTo(10);
        assertThat(schedule.usersAt(59 * S)).isEqualTo(10);
        assertThat(schedule.durationNanos()).isEqualTo(60 * S);
        assertThat(schedule.isOver(60 * S - 1)).isFalse();
        assertThat(schedule.isOver(60 * S)).isTrue();
        assertThat(schedule.maxUsers()).isEqualTo(10);
    }

    @Test
    void zeroSpawnRateStartsEveryoneAtOnce() {
        var schedule = ClosedSchedule.of(new LoadPlan.Closed(7, 0, List.of(), Duration.ofSeconds(3), Duration.ZERO));
        assertThat(schedule.usersAt(0)).isEqualTo(7);
    }

    @Test
    void stagesMoveLinearlyOrAtTheirRate() {
        var plan = new LoadPlan.Closed(
                999,
                999,
                List.of(
                        new LoadPlan.Stage(Duration.ofSeconds(10), 100, null),
                        new LoadPlan.Stage(Duration.ofSeconds(10), 100, null),
                        new LoadPlan.Stage(Duration.ofSeconds(10), 50, 10.0)),
                Duration.ofSeconds(5),
                Duration.ZERO);
        var schedule = ClosedSchedule.of(plan);
        assertThat(schedule.usersAt(0)).isZero();
        assertThat(schedule.usersAt(S)).isEqualTo(10);
        assertThat(schedule.usersAt(S + S / 2)).isEqualTo(15);
        assertThat(schedule.usersAt(10 * S - 1)).isEqualTo(99);
        assertThat(schedule.usersAt(10 * S)).isEqualTo(100);
        assertThat(schedule.usersAt(15 * S)).isEqualTo(100);
        assertThat(schedule.usersAt(20 * S)).isEqualTo(99);
        assertThat(schedule.usersAt(21 * S)).isEqualTo(89);
        assertThat(schedule.usersAt(25 * S)).isEqualTo(50);
        assertThat(schedule.durationNanos()).isEqualTo(30 * S);
        assertThat(schedule.maxUsers()).isEqualTo(100);
    }

    @Test
    void aLongerDurationHoldsTheLastTarget() {
        var plan = new LoadPlan.Closed(
                0,
                0,
                List.of(new LoadPlan.Stage(Duration.ofSeconds(2), 4, null)),
                Duration.ofSeconds(9),
                Duration.ZERO);
        var schedule = ClosedSchedule.of(plan);
        assertThat(schedule.durationNanos()).isEqualTo(9 * S);
        assertThat(schedule.usersAt(8 * S)).isEqualTo(4);
    }

    @Test
    void aRampFromTheCurrentCountServesLiveChanges() {
        var down = ClosedSchedule.ramp(10, 4, 3, 100 * S);
        assertThat(down.usersAt(0)).isEqualTo(9);
        assertThat(down.usersAt(S)).isEqualTo(6);
        assertThat(down.usersAt(2 * S)).isEqualTo(4);
    }
}
