package dev.throng.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {
    private static LoadPlan.Capacity plan(
            LoadPlan.CapacityModel model, double start, double step, LoadPlan.StepMode mode, double upper) {
        return new LoadPlan.Capacity(
                model, start, step, mode, Duration.ofSeconds(10), upper, 2, 4, 300, Duration.ofSeconds(3));
    }

    @Test
    void theLadderEndsAtTheUpperBound() {
        assertThat(plan(LoadPlan.CapacityModel.USERS, 10, 20, LoadPlan.StepMode.ADD, 55)
                        .ladder())
                .containsExactly(10.0, 30.0, 50.0, 55.0);
        assertThat(plan(LoadPlan.CapacityModel.USERS, 10, 2, LoadPlan.StepMode.MULTIPLY, 80)
                        .ladder())
                .containsExactly(10.0, 20.0, 40.0, 80.0);
        assertThat(plan(LoadPlan.CapacityModel.USERS, 10, 1, LoadPlan.StepMode.MULTIPLY, 80)
                        .ladder())
                .isEmpty();
    }

    @Test
    void theLongestSearchHoldsEveryStepAndEveryRefinement() {
        var p = plan(LoadPlan.CapacityModel.USERS, 10, 20, LoadPlan.StepMode.ADD, 55);
        assertThat(p.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.maxLoad()).isEqualTo(55.0);
    }

    @Test
    void theBasePlanStartsTheFirstStep() {
        var users = plan(LoadPlan.CapacityModel.USERS, 9.6, 20, LoadPlan.StepMode.ADD, 55);
        assertThat(users.basePlan())
                .isEqualTo(new LoadPlan.Closed(
                        10, 4, List.of(), Duration.ofSeconds(60).plus(LoadPlan.Capacity.SLACK), Duration.ofSeconds(3)));
        var arrivals = plan(LoadPlan.CapacityModel.ARRIVALS, 2.5, 20, LoadPlan.StepMode.ADD, 55);
        assertThat(arrivals.basePlan())
                .isEqualTo(new LoadPlan.Open(
                        2.5,
                        List.of(),
                        300,
                        Duration.ofSeconds(60).plus(LoadPlan.Capacity.SLACK),
                        Duration.ofSeconds(3)));
        assertThat(LoadPlan.Capacity.users(0.2)).isEqualTo(1);
    }
}
