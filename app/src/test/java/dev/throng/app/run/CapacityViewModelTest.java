package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity search on the dashboard, fed snapshot by snapshot as the sampler would. */
class CapacityViewModelTest {
    private final ScriptedRunHandle handle = new ScriptedRunHandle(Snapshots.running(0, 0, 0, List.of()));
    private final Project project = Project.empty("shop")
            .withFlows(List.of(new Flow("browse", "Browse", List.of(), List.of())))
            .withProfiles(List.of(UserProfile.of("web", 1, "browse")))
            .withThresholds(List.of(Threshold.parse("p95<100ms"), Threshold.parse("error_rate<1%")))
            .withLoadPlan(new LoadPlan.Capacity(
                    LoadPlan.CapacityModel.USERS,
                    50,
                    50,
                    LoadPlan.StepMode.ADD,
                    Duration.ofSeconds(10),
                    300,
                    2,
                    10,
                    100,
                    Duration.ofSeconds(1)));
    private final RunViewModel vm =
            new RunViewModel(() -> project, () -> Path.of("/projects"), (p, d) -> handle, BackgroundTasks.inline());
    private long sequence;

    private void tick(CapacityReport report) {
        handle.push(Snapshots.withCapacity(Snapshots.running(++sequence, 10, 2, List.of()), report));
        assertThat(vm.sample()).isTrue();
    }

    private static CapacityStep narrowing(CapacityStep s) {
        return new CapacityStep(
                s.index(),
                s.load(),
                true,
                s.startMillis(),
                s.endMillis(),
                s.requests(),
                s.requestsPerSecond(),
                s.p50Millis(),
                s.p95Millis(),
                s.p99Millis(),
                s.errorRate(),
                s.passed(),
                s.brokenRules(),
                s.degradedNames(),
                s.running());
    }

    /** The search of the brief: 50, 100, 150 pass, 200 breaks p95, then 175 and 190 pass while narrowing. */
    private static List<CapacityStep> knee() {
        return List.of(
                Snapshots.step(1, 50, 20, 0, true, false),
                Snapshots.step(2, 100, 30, 0, true, false),
                Snapshots.step(3, 150, 45, 0.001, true, false),
                Snapshots.step(4, 200, 180, 0.02, false, false),
                narrowing(Snapshots.step(5, 175, 80, 0.002, true, false)),
                narrowing(Snapshots.step(6, 190, 95, 0.004, true, false)));
    }

    @Test
    void pointsFollowTheStepsWithTheRunningOneProvisional() {
        vm.refreshFromProject();
        assertThat(vm.searchProperty().get()).isTrue();
        vm.start();
        CapacityViewModel capacity = vm.capacity();
        assertThat(capacity.activeProperty().get()).isFalse();

        tick(Snapshots.search(false, List.of(Snapshots.step(1, 50, 20, 0, false, true))));
        assertThat(capacity.activeProperty().get()).isTrue();
        assertThat(capacity.unitProperty().get()).isEqualTo("users");
        assertThat(capacity.objectiveProperty().get()).isEqualTo("p95 < 100ms, errors < 1%");
        assertThat(capacity.p95LimitProperty().get()).isEqualTo(100.0);
        assertThat(capacity.errorLimitProperty().get()).isEqualTo(1.0);
        assertThat(capacity.judgedByLoad())
                .as("a step being held is not on the curve")
                .isEmpty();
        assertThat(capacity.withVerdict(CapacityViewModel.Verdict.RUNNING))
                .extracting(CapacityViewModel.StepPoint::load)
                .containsExactly(50.0);
        assertThat(capacity.statusProperty().get()).isEqualTo("Step 1 at 50 users: holding…");
        assertThat(capacity.finishedProperty().get()).isFalse();
        assertThat(capacity.headlineProperty().get()).isEmpty();

        var steps = new ArrayList<CapacityStep>();
        for (CapacityStep s : knee()) {
            steps.add(s);
            tick(Snapshots.search(false, steps));
        }
        int version = capacity.version();
        tick(Snapshots.search(false, steps));
        assertThat(capacity.version())
                .as("the same steps again do not refill the chart")
                .isEqualTo(version);

        assertThat(capacity.judgedByLoad())
                .extracting(CapacityViewModel.StepPoint::load)
                .as("the curve runs along the load, narrowing steps in their place")
                .containsExactly(50.0, 100.0, 150.0, 175.0, 190.0, 200.0);
        assertThat(capacity.withVerdict(CapacityViewModel.Verdict.FAILED))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.load()).isEqualTo(200);
                    assertThat(p.p95Millis()).isEqualTo(180);
                    assertThat(p.errorPercent()).isEqualTo(2.0);
                    assertThat(p.brokenRules()).containsExactly("p95 < 100ms");
                });
        assertThat(capacity.steps())
                .extracting(CapacityViewModel.StepPoint::narrowing)
                .containsExactly(false, false, false, false, true, true);
        assertThat(capacity.withVerdict(CapacityViewModel.Verdict.RUNNING)).isEmpty();
    }

    @Test
    void theResultCardSaysWhatTheSystemCarriesAndWhatBrokeFirst() {
        vm.start();
        tick(Snapshots.search(false, knee()));
        CapacityReport done = Snapshots.search(true, knee());
        handle.finish(new RunResult(
                "shop",
                java.time.Instant.EPOCH,
                60_000,
                new StopReason.Completed(),
                null,
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                done));
        CapacityViewModel capacity = vm.capacity();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(capacity.finishedProperty().get()).isTrue();
        assertThat(capacity.headlineProperty().get()).isEqualTo("Carries 190 users (196 req/s)");
        assertThat(capacity.brokeFirstProperty().get()).isEqualTo("p95 < 100ms broke first at 200 users");
        assertThat(capacity.degradedProperty().get()).isEqualTo("First degraded: GET /capacity");
        assertThat(capacity.upperBoundProperty().get()).isEmpty();
        assertThat(capacity.statusProperty().get()).isEqualTo("Search ended after 6 steps");

        capacity.clear(); // as a new run's Start does
        assertThat(capacity.activeProperty().get()).isFalse();
        assertThat(capacity.steps()).isEmpty();
        assertThat(capacity.headlineProperty().get()).isEmpty();
    }

    @Test
    void aSearchThatNeverBrokeSaysTheLimitIsAboveTheBound() {
        vm.start();
        var steps = new ArrayList<CapacityStep>();
        for (int i = 1; i <= 6; i++) {
            steps.add(Snapshots.step(i, 50 * i, 10 + i, 0, true, false));
        }
        tick(Snapshots.search(true, steps));
        CapacityViewModel capacity = vm.capacity();
        assertThat(capacity.finishedProperty().get()).isTrue();
        assertThat(capacity.headlineProperty().get()).isEqualTo("Carries 300 users (309 req/s)");
        assertThat(capacity.brokeFirstProperty().get()).isEmpty();
        assertThat(capacity.degradedProperty().get()).isEmpty();
        assertThat(capacity.upperBoundProperty().get())
                .isEqualTo("Reached the upper bound — the limit is above 300 users");
    }

    @Test
    void aStoppedSearchStillGetsItsCardAndLiveInputsLeaveTheSearchAlone() {
        vm.refreshFromProject();
        vm.start();
        vm.usersProperty().set(500);
        vm.arrivalRateProperty().set(99);
        assertThat(handle.calls).as("the search sets the load itself").isEmpty();
        var steps = List.of(Snapshots.step(1, 50, 20, 0, true, false), Snapshots.step(2, 100, 30, 0, false, true));
        tick(Snapshots.search(false, steps));
        handle.finish(new RunResult(
                "shop",
                java.time.Instant.EPOCH,
                15_000,
                new StopReason.StoppedByUser(),
                null,
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                Snapshots.search(false, steps)));
        CapacityViewModel capacity = vm.capacity();
        assertThat(capacity.finishedProperty().get()).isTrue();
        assertThat(capacity.headlineProperty().get())
                .isEqualTo("Carries 50 users (51.5 req/s) — the search was stopped before it ended");
        assertThat(capacity.statusProperty().get()).isEqualTo("Search stopped after 2 steps");
    }

    @Test
    void aSystemThatCarriesNotEvenTheFirstStepSaysSo() {
        vm.start();
        tick(Snapshots.search(true, List.of(Snapshots.step(1, 50, 250, 0.05, false, false))));
        CapacityViewModel capacity = vm.capacity();
        assertThat(capacity.headlineProperty().get()).isEqualTo("Does not carry even the first step's 50 users");
        assertThat(capacity.brokeFirstProperty().get()).isEqualTo("p95 < 100ms broke first at 50 users");
    }

    @Test
    void aSavedSearchShowsItsCard() {
        var saved = RunViewModel.ofResult(new RunResult(
                "shop",
                java.time.Instant.EPOCH,
                60_000,
                new StopReason.Completed(),
                null,
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                Snapshots.search(true, knee())));
        assertThat(saved.capacity().activeProperty().get()).isTrue();
        assertThat(saved.capacity().headlineProperty().get()).isEqualTo("Carries 190 users (196 req/s)");
        assertThat(saved.capacity().judgedByLoad()).hasSize(6);
    }

    @Test
    void objectivesAndLengthsAreWordedForPeople() {
        assertThat(ObjectiveText.rule("p95<500ms")).isEqualTo("p95 < 500ms");
        assertThat(ObjectiveText.rule("error_rate<1%")).isEqualTo("errors < 1%");
        assertThat(ObjectiveText.rule("error_rate<=0.5%")).isEqualTo("errors <= 0.5%");
        assertThat(ObjectiveText.rule("rps>100")).isEqualTo("rps > 100");
        assertThat(ObjectiveText.rule("p99<1.5s")).isEqualTo("p99 < 1500ms");
        assertThat(ObjectiveText.rule("name~/product:p95<300ms")).isEqualTo("p95 < 300ms on names ~ /product");
        assertThat(ObjectiveText.rule("not a rule")).isEqualTo("not a rule");
        assertThat(ObjectiveText.length(750)).isEqualTo("12m 30s");
        assertThat(ObjectiveText.length(45)).isEqualTo("45s");
        assertThat(ObjectiveText.length(120)).isEqualTo("2m");
        assertThat(ObjectiveText.length(3900)).isEqualTo("1h 5m");
        assertThat(ObjectiveText.load(187.5)).isEqualTo("187.5");
        assertThat(ObjectiveText.load(1200)).isEqualTo("1,200");
    }
}
