package dev.throng.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final LoadPlan.Closed STAGED = new LoadPlan.Closed(
            10,
            2,
            List.of(
                    new LoadPlan.Stage(Duration.ofSeconds(30), 50, null),
                    new LoadPlan.Stage(Duration.ofSeconds(30), 20, null)),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));

    @Test
    void nothingChangesWithoutOverrides() {
        assertThat(Overrides.NONE.applyTo(STAGED)).isEqualTo(STAGED);
    }

    @Test
    void usersAndSpawnRateReplaceTheStagesOfAClosedPlan() {
        var plan = (LoadPlan.Closed)
                Overrides.NONE.withUsers(100).withSpawnRate(5.0).applyTo(STAGED);
        assertThat(plan.users()).isEqualTo(100);
        assertThat(plan.spawnRate()).isEqualTo(5.0);
        assertThat(plan.stages()).isEmpty();
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(60));
        var rateOnly = (LoadPlan.Closed) Overrides.NONE.withSpawnRate(1.0).applyTo(STAGED);
        assertThat(rateOnly.users()).isEqualTo(50);
    }

    @Test
    void durationSetsTheLength() {
        assertThat(Overrides.NONE
                        .withDuration(Duration.ofSeconds(7))
                        .applyTo(STAGED)
                        .duration())
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void theOpenPlanTakesARateAndAConcurrencyLimit() {
        var open = new LoadPlan.Open(
                1,
                List.of(new LoadPlan.RateStage(Duration.ofSeconds(20), 30)),
                50,
                Duration.ZERO,
                Duration.ofSeconds(5));
        var plan =
                (LoadPlan.Open) Overrides.NONE.withUsers(7).withSpawnRate(12.0).applyTo(open);
        assertThat(plan.startRate()).isEqualTo(12.0);
        assertThat(plan.stages()).isEmpty();
        assertThat(plan.maxConcurrentUsers()).isEqualTo(7);
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void badValuesNameTheFlag() {
        assertThatThrownBy(() -> Overrides.NONE.withUsers(-1)).hasMessageContaining("--users");
        assertThatThrownBy(() -> Overrides.NONE.withDuration(Duration.ZERO)).hasMessageContaining("--duration");
        assertThatThrownBy(() -> Overrides.NONE.withHost("shop.example.com")).hasMessageContaining("--host");
    }

    @Test
    void aCapacitySearchRefusesUsersAndSpawnRateAndKeepsItsPlanUnderADuration() {
        var search = new LoadPlan.Capacity(
                LoadPlan.CapacityModel.USERS,
                10,
                10,
                LoadPlan.StepMode.ADD,
                Duration.ofSeconds(30),
                100,
                2,
                5,
                0,
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> Overrides.NONE.withUsers(5).applyTo(search))
                .isInstanceOf(RunStartException.class)
                .hasMessageContaining("--users does not apply to a capacity search");
        assertThatThrownBy(() -> Overrides.NONE.withSpawnRate(5.0).applyTo(search))
                .isInstanceOf(RunStartException.class)
                .hasMessageContaining("--spawn-rate");
        assertThat(Overrides.NONE.withDuration(Duration.ofSeconds(20)).applyTo(search))
                .as("the run's length is cut, not the plan")
                .isEqualTo(search);
    }
}
