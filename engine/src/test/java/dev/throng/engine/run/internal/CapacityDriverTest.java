package dev.throng.engine.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives a {@link CapacityDriver} tick by tick with a fake clock and a simulated system: each second, every user makes
 * 10 requests to a cheap route and 10 to an expensive one whose latency jumps once the load passes a limit.
 */
class CapacityDriverTest {
    private final FakeClock clock = new FakeClock();
    private final StatsCollector stats = new StatsCollector(clock);
    private final List<Double> loadsSet = new ArrayList<>();
    private double load;
    private boolean ended;

    private CapacityDriver driver(LoadPlan.Capacity plan, List<Threshold> thresholds) {
        load = plan.start();
        return new CapacityDriver(
                plan,
                thresholds,
                stats::openWindow,
                stats::closeWindow,
                l -> {
                    loadsSet.add(l);
                    load = l;
                },
                () -> ended = true);
    }

    private static LoadPlan.Capacity users(double start, double step, double upper, int refinements, long holdSec) {
        return new LoadPlan.Capacity(
                LoadPlan.CapacityModel.USERS,
                start,
                step,
                LoadPlan.StepMode.ADD,
                Duration.ofSeconds(holdSec),
                upper,
                refinements,
                1000,
                0,
                Duration.ofSeconds(1));
    }

    /** One second of a system that holds up to {@code limit}: beyond, the expensive route takes 500 ms. */
    private void second(CapacityDriver driver, double limit) {
        long expensive = load <= limit ? 20_000 : 500_000;
        for (int u = 0; u < (int) load; u++) {
            for (int i = 0; i < 10; i++) {
                stats.record("/cheap", "GET", 2_000, 0, false);
                stats.record("/expensive", "GET", expensive, 0, false);
            }
        }
        clock.advanceMillis(1000);
        stats.snapshot();
        driver.tick(clock.nanoTime() / 1_000_000);
    }

    private CapacityReport runToTheEnd(CapacityDriver driver, double limit) {
        for (int s = 0; s < 200 && !ended; s++) {
            second(driver, limit);
        }
        assertThat(ended).as("the search ended the run").isTrue();
        return driver.finish(clock.nanoTime() / 1_000_000);
    }

    @Test
    void findsTheLimitAndNamesTheRouteThatDegraded() {
        var driver = driver(users(10, 10, 100, 2, 4), List.of(Threshold.parse("p95<100ms")));

        CapacityReport report = runToTheEnd(driver, 27);

        assertThat(report.steps()).extracting(CapacityStep::load).containsExactly(10.0, 20.0, 30.0, 25.0, 28.0);
        assertThat(report.steps()).extracting(CapacityStep::passed).containsExactly(true, true, false, true, false);
        assertThat(report.steps()).extracting(CapacityStep::narrowing).containsExactly(false, false, false, true, true);
        assertThat(loadsSet).containsExactly(20.0, 30.0, 25.0, 28.0);
        assertThat(report.finished()).isTrue();
        assertThat(report.maxLoad()).isEqualTo(25.0);
        assertThat(report.brokenRule()).isEqualTo("p95<100ms");
        assertThat(report.firstDegradedNames()).containsExactly("GET /expensive");
        assertThat(report.objective()).containsExactly("p95<100ms");
        assertThat(report.reachedUpperBound()).isFalse();
        // 25 users * 20 requests each second
        assertThat(report.requestsPerSecondAtMax()).isCloseTo(500.0, within(1e-6));
        CapacityStep third = report.steps().get(2);
        assertThat(third.brokenRules()).containsExactly("p95<100ms");
        assertThat(third.p95Millis()).isCloseTo(500.0, within(5.0));
        assertThat(third.p50Millis()).isLessThan(100.0);
        assertThat(third.running()).isFalse();
    }

    @Test
    void stepsAreHeldOnTheirNominalTimesAndJudgedAfterTheSettlePart() {
        var driver = driver(users(10, 10, 20, 0, 4), List.of(Threshold.parse("p95<100ms")));

        CapacityReport report = runToTheEnd(driver, 1000);

        // hold 4 s: settle min(1 s, 10 s) + ramp (10 users at 1000/s: 10 ms) -> the window opens at the 2nd tick
        assertThat(report.steps()).extracting(CapacityStep::startMillis).containsExactly(0L, 4000L);
        assertThat(report.steps()).extracting(CapacityStep::endMillis).containsExactly(4000L, 8000L);
        // judged on 2 s of each step (ticks 3 and 4): 10 users * 20 requests * 2 s
        assertThat(report.steps().getFirst().requests()).isEqualTo(400);
        assertThat(report.steps().getFirst().requestsPerSecond()).isCloseTo(200.0, within(1e-6));
        assertThat(report.reachedUpperBound()).isTrue();
        assertThat(report.brokenRule()).isNull();
        assertThat(report.maxLoad()).isEqualTo(20.0);
    }

    @Test
    void theRunsVerdictIsThatOfTheAnswersStep() {
        var driver = driver(users(10, 10, 100, 1, 3), List.of(Threshold.parse("p95<100ms")));

        runToTheEnd(driver, 15);

        assertThat(driver.thresholdResults())
                .extracting(ThresholdResult::passed)
                .containsExactly(true);
        assertThat(driver.report().maxLoad()).isEqualTo(15.0);
    }

    @Test
    void aFirstStepThatFailsAnswersZeroAndFailsTheRun() {
        var driver = driver(users(10, 10, 100, 3, 3), List.of(Threshold.parse("p95<100ms")));

        CapacityReport report = runToTheEnd(driver, 5);

        assertThat(report.steps()).hasSize(1);
        assertThat(report.maxLoad()).isZero();
        assertThat(report.requestsPerSecondAtMax()).isZero();
        assertThat(report.brokenRule()).isEqualTo("p95<100ms");
        assertThat(driver.thresholdResults())
                .extracting(ThresholdResult::passed)
                .containsExactly(false);
    }

    @Test
    void aScopedThresholdNamesTheRowsItCovers() {
        var driver = driver(
                users(10, 10, 100, 0, 3),
                List.of(Threshold.parse("error_rate<1%"), Threshold.parse("name~cheap:p95<1ms")));

        CapacityReport report = runToTheEnd(driver, 1000);

        assertThat(report.steps()).hasSize(1);
        assertThat(report.brokenRule()).isEqualTo("name~cheap:p95<1ms");
        assertThat(report.firstDegradedNames()).containsExactly("GET /cheap");
    }

    @Test
    void whileAStepRunsTheReportShowsIt() {
        var driver = driver(users(10, 10, 100, 0, 10), List.of(Threshold.parse("p95<100ms")));

        for (int s = 0; s < 4; s++) {
            second(driver, 1000);
        }

        CapacityReport report = driver.report();
        assertThat(report.finished()).isFalse();
        assertThat(report.steps()).singleElement().satisfies(s -> {
            assertThat(s.running()).isTrue();
            assertThat(s.load()).isEqualTo(10.0);
            assertThat(s.requests()).isEqualTo(200); // settle 2.5 s: the window opened at the 3rd tick
        });
        // cut short (e.g. --duration): the running step is left out, the search is not finished
        CapacityReport last = driver.finish(4000);
        assertThat(last.steps()).isEmpty();
        assertThat(last.finished()).isFalse();
    }
}
