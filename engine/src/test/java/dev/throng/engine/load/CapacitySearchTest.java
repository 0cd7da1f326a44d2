package dev.throng.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class CapacitySearchTest {

    private static LoadPlan.Capacity plan(
            LoadPlan.CapacityModel model,
            double start,
            double step,
            LoadPlan.StepMode mode,
            double upper,
            int refinements) {
        return new LoadPlan.Capacity(
                model, start, step, mode, Duration.ofSeconds(3), upper, refinements, 50, 100, Duration.ofSeconds(1));
    }

    /** Runs the search against a system that holds every load for which {@code holds} is true; the loads tried. */
    private static List<CapacitySearch.Step> run(CapacitySearch search, DoublePredicate holds) {
        var tried = new ArrayList<CapacitySearch.Step>();
        CapacitySearch.Step step = search.first();
        while (step != null) {
            tried.add(step);
            assertThat(tried).as("bounded").hasSizeLessThan(100);
            step = search.judged(holds.test(step.load()));
        }
        return tried;
    }

    @Test
    void stepsUpThenBisectsBetweenLastGoodAndFirstBad() {
        var search = new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 10, 10, LoadPlan.StepMode.ADD, 500, 2));

        var tried = run(search, load -> load <= 27);

        assertThat(tried.stream().map(CapacitySearch.Step::load))
                .containsExactly(10.0, 20.0, 30.0, 25.0, 28.0); // 25 holds, 28 does not (27.5 rounds to 28)
        assertThat(tried.stream().map(CapacitySearch.Step::narrowing)).containsExactly(false, false, false, true, true);
        assertThat(search.done()).isTrue();
        assertThat(search.maxLoad()).isEqualTo(25.0);
        assertThat(search.firstBad()).isEqualTo(28.0);
        assertThat(search.reachedUpperBound()).isFalse();
    }

    @Test
    void narrowingStopsWhenNoWholeUserLiesBetween() {
        var search = new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 1, 1, LoadPlan.StepMode.ADD, 50, 5));

        var tried = run(search, load -> load <= 3);

        assertThat(tried.stream().map(CapacitySearch.Step::load)).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(search.maxLoad()).isEqualTo(3.0);
    }

    @Test
    void narrowingStopsBelowOnePercentOfTheLoad() {
        var search =
                new CapacitySearch(plan(LoadPlan.CapacityModel.ARRIVALS, 1000, 1000, LoadPlan.StepMode.ADD, 5000, 10));

        var tried = run(search, load -> load < 1300);

        // 1000 good, 2000 bad, then halving down to a gap of 7.8 < 1% of 1304.7: 7 of the 10 refinements
        assertThat(tried.stream().map(CapacitySearch.Step::load))
                .containsExactly(1000.0, 2000.0, 1500.0, 1250.0, 1375.0, 1312.5, 1281.25, 1296.875, 1304.6875);
        assertThat(search.maxLoad()).isEqualTo(1296.875);
    }

    @Test
    void aFirstStepThatFailsAnswersZeroWithoutNarrowing() {
        var search = new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 10, 10, LoadPlan.StepMode.ADD, 100, 3));

        var tried = run(search, load -> false);

        assertThat(tried).hasSize(1);
        assertThat(search.maxLoad()).isZero();
        assertThat(search.firstBad()).isEqualTo(10.0);
    }

    @Test
    void everyStepPassingReachesTheUpperBound() {
        var search =
                new CapacitySearch(plan(LoadPlan.CapacityModel.ARRIVALS, 10, 2, LoadPlan.StepMode.MULTIPLY, 100, 3));

        var tried = run(search, load -> true);

        assertThat(tried.stream().map(CapacitySearch.Step::load)).containsExactly(10.0, 20.0, 40.0, 80.0, 100.0);
        assertThat(search.reachedUpperBound()).isTrue();
        assertThat(search.maxLoad()).isEqualTo(100.0);
        assertThat(search.current()).isNull();
        assertThatThrownBy(() -> search.judged(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zeroRefinementsStopsAtTheFirstBadStep() {
        var search = new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 10, 10, LoadPlan.StepMode.ADD, 100, 0));

        var tried = run(search, load -> load < 35);

        assertThat(tried).hasSize(4);
        assertThat(search.maxLoad()).isEqualTo(30.0);
    }

    @Test
    void usersAreWholeAndRepeatedRungsAreSkipped() {
        var search = new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 1, 1.3, LoadPlan.StepMode.MULTIPLY, 4, 0));

        var tried = run(search, load -> true);

        // 1, 1.3, 1.69, 2.197, 2.86, 3.71, 4 rounded: 1, 1, 2, 2, 3, 4, 4
        assertThat(tried.stream().map(CapacitySearch.Step::load)).containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void aPlanWithoutStepsIsRefused() {
        assertThatThrownBy(() ->
                        new CapacitySearch(plan(LoadPlan.CapacityModel.USERS, 10, 0, LoadPlan.StepMode.ADD, 100, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no step");
    }
}
