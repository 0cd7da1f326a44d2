package dev.throng.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPlanViewModelTest {
    @TempDir
    Path dir;

    private ProjectDocument document(LoadPlan plan) {
        var doc = new ProjectDocument(new MemoryProjectFiles(), BackgroundTasks.inline(), dir);
        doc.openUntitled(Project.empty("p").withLoadPlan(plan));
        return doc;
    }

    private static double at(List<LoadPlanViewModel.Point> points, double seconds) {
        return points.stream()
                .filter(p -> Math.abs(p.seconds() - seconds) < 1e-6)
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void closedPlanRampsThenHolds() {
        var vm = new LoadPlanViewModel(
                document(new LoadPlan.Closed(20, 2, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5))));
        var points = vm.points();
        assertThat(points).hasSize(LoadPlanViewModel.SAMPLES + 1);
        assertThat(points.getFirst().value()).isLessThanOrEqualTo(1); // the first user may start at once
        assertThat(at(points, 5)).isBetween(10.0, 11.0); // 2 users/s for 5 s
        assertThat(points.getLast().value()).isEqualTo(20);
        assertThat(points.getLast().seconds()).isEqualTo(60);
        assertThat(vm.summaryProperty().get()).isEqualTo("20 users, started at 2/s, for 60 s");
    }

    @Test
    void stagesAreEditedAsRowsAndSetTheDuration() {
        var doc = document(LoadPlan.defaults());
        var vm = new LoadPlanViewModel(doc);
        assertThat(vm.setStages(List.of(
                        new LoadPlanViewModel.StageRow(30, 50, null), new LoadPlanViewModel.StageRow(30, 0, null))))
                .isNull();
        var plan = (LoadPlan.Closed) doc.project().loadPlan();
        assertThat(plan.stages()).hasSize(2);
        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(at(vm.points(), 30)).isEqualTo(50);
        assertThat(vm.points().getLast().value()).isZero();
        assertThat(vm.setStages(List.of(new LoadPlanViewModel.StageRow(0, 5, null))))
                .contains("more than 0 s");
        vm.addStage();
        assertThat(vm.stages()).hasSize(3);
        doc.undo();
        assertThat(vm.stages()).hasSize(2);
    }

    @Test
    void openPlanPreviewsArrivals() {
        var doc = document(LoadPlan.defaults());
        var vm = new LoadPlanViewModel(doc);
        vm.setOpen(true);
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.setStages(List.of(new LoadPlanViewModel.StageRow(60, 40, null))))
                .isNull();
        assertThat(vm.points().getFirst().value()).isEqualTo(10);
        assertThat(at(vm.points(), 30)).isEqualTo(25);
    }

    @Test
    void choosingCapacityKeepsTheUsersAndEditsBecomeThePlan() {
        var doc = document(new LoadPlan.Closed(20, 4, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(3)));
        doc.edit(p -> p.withThresholds(List.of(Threshold.parse("p95<500ms"), Threshold.parse("error_rate<1%"))));
        var vm = new LoadPlanViewModel(doc);
        vm.setKind(PlanKind.CAPACITY);
        assertThat(vm.kindProperty().get()).isEqualTo(PlanKind.CAPACITY);
        var k = (LoadPlan.Capacity) doc.project().loadPlan();
        assertThat(k.model()).isEqualTo(LoadPlan.CapacityModel.USERS);
        assertThat(k.start()).as("the users become the start").isEqualTo(20);
        assertThat(k.spawnRate()).isEqualTo(4);
        assertThat(k.gracefulStop()).isEqualTo(Duration.ofSeconds(3));
        assertThat(vm.capacityProperty().get()).isEqualTo(k);

        assertThat(vm.setField(LoadPlanViewModel.Field.START, "50")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.UPPER_BOUND, "300")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.STEP, "50")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.HOLD, "60")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.REFINEMENTS, "3")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.SPAWN_RATE, "25")).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.GRACEFUL_STOP, "5")).isNull();
        assertThat(doc.project().loadPlan())
                .isEqualTo(new LoadPlan.Capacity(
                        LoadPlan.CapacityModel.USERS,
                        50,
                        50,
                        LoadPlan.StepMode.ADD,
                        Duration.ofSeconds(60),
                        300,
                        3,
                        25,
                        LoadPlan.Capacity.DEFAULT_MAX_CONCURRENT_USERS,
                        Duration.ofSeconds(5)));
        assertThat(vm.fieldText(LoadPlanViewModel.Field.START)).isEqualTo("50");
        // 50, 100, ... 300: six upward steps and three narrowing ones, a minute each
        assertThat(vm.capacityLineProperty().get())
                .isEqualTo("up to 9 steps, at most 9m; objective: p95 < 500ms, errors < 1%");
        assertThat(vm.objectiveMissingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).contains("capacity search from 50 to 300 users");

        doc.undo();
        assertThat(((LoadPlan.Capacity) doc.project().loadPlan()).gracefulStop())
                .as("each field is one undoable edit")
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void thePreviewIsTheUpwardLadder() {
        var doc = document(LoadPlan.defaults());
        var vm = new LoadPlanViewModel(doc);
        vm.setKind(PlanKind.CAPACITY);
        vm.setField(LoadPlanViewModel.Field.START, "10");
        vm.setField(LoadPlanViewModel.Field.UPPER_BOUND, "100");
        assertThat(vm.setStepMode(LoadPlan.StepMode.MULTIPLY)).isNull();
        assertThat(vm.setField(LoadPlanViewModel.Field.STEP, "2")).isNull();
        vm.setField(LoadPlanViewModel.Field.HOLD, "30");
        // 10, 20, 40, 80, then the bound itself
        assertThat(vm.points())
                .extracting(LoadPlanViewModel.Point::value)
                .containsExactly(10.0, 10.0, 20.0, 20.0, 40.0, 40.0, 80.0, 80.0, 100.0, 100.0);
        assertThat(at(vm.points(), 90)).isIn(40.0, 80.0);
        assertThat(vm.points().getLast().seconds()).isEqualTo(150);
        assertThat(vm.unitProperty().get()).isEqualTo("users");

        assertThat(vm.setCapacityModel(LoadPlan.CapacityModel.ARRIVALS)).isNull();
        assertThat(vm.unitProperty().get()).isEqualTo("arrivals/s");
        assertThat(vm.points().getFirst().value()).as("the numbers are kept").isEqualTo(10);
    }

    @Test
    void withoutThresholdsTheLineAsksForOne() {
        var doc = document(LoadPlan.defaults());
        var vm = new LoadPlanViewModel(doc);
        assertThat(vm.capacityLineProperty().get()).isEmpty();
        vm.setKind(PlanKind.CAPACITY);
        assertThat(vm.objectiveMissingProperty().get()).isTrue();
        assertThat(vm.capacityLineProperty().get()).endsWith("add a threshold — the search judges each step by them");
        doc.edit(p -> p.withThresholds(List.of(Threshold.parse("p95<300ms"))));
        assertThat(vm.objectiveMissingProperty().get()).isFalse();
        assertThat(vm.capacityLineProperty().get()).endsWith("objective: p95 < 300ms");
    }

    @Test
    void invalidValuesAreRefusedWithTheFieldsMessage() {
        var doc = document(LoadPlan.defaults());
        var vm = new LoadPlanViewModel(doc);
        assertThat(vm.setField(LoadPlanViewModel.Field.START, "5")).contains("not a capacity search");
        vm.setKind(PlanKind.CAPACITY);
        LoadPlan before = doc.project().loadPlan();
        assertThat(vm.setField(LoadPlanViewModel.Field.START, "abc")).isEqualTo("enter a number");
        assertThat(vm.setField(LoadPlanViewModel.Field.START, "0")).isEqualTo("enter a number above 0");
        assertThat(vm.setField(LoadPlanViewModel.Field.START, "1000")).isEqualTo("enter at most the upper bound (100)");
        assertThat(vm.setField(LoadPlanViewModel.Field.UPPER_BOUND, "5")).isEqualTo("enter at least the start (10)");
        assertThat(vm.setField(LoadPlanViewModel.Field.HOLD, "0")).contains("at least 1 s");
        assertThat(vm.setField(LoadPlanViewModel.Field.HOLD, "1.5")).isEqualTo("enter a whole number");
        assertThat(vm.setField(LoadPlanViewModel.Field.REFINEMENTS, "11")).isEqualTo("enter 0 to 10");
        assertThat(vm.setField(LoadPlanViewModel.Field.SPAWN_RATE, "-1")).isEqualTo("enter a number above 0");
        vm.setStepMode(LoadPlan.StepMode.MULTIPLY);
        assertThat(vm.setField(LoadPlanViewModel.Field.STEP, "1")).isEqualTo("enter a factor above 1, e.g. 1.5");
        doc.undo();
        assertThat(doc.project().loadPlan())
                .as("refused values left no edit behind")
                .isEqualTo(before);
    }

    @Test
    void switchingKindsKeepsWhatItCanAndIsOneEdit() {
        var doc = document(new LoadPlan.Open(25, List.of(), 400, Duration.ofSeconds(90), Duration.ofSeconds(2)));
        var vm = new LoadPlanViewModel(doc);
        vm.setKind(PlanKind.CAPACITY);
        var k = (LoadPlan.Capacity) doc.project().loadPlan();
        assertThat(k.model()).isEqualTo(LoadPlan.CapacityModel.ARRIVALS);
        assertThat(k.start()).isEqualTo(25);
        assertThat(k.maxConcurrentUsers()).isEqualTo(400);
        vm.setField(LoadPlanViewModel.Field.START, "40");
        vm.setKind(PlanKind.OPEN);
        var o = (LoadPlan.Open) doc.project().loadPlan();
        assertThat(o.startRate()).as("the start becomes the rate").isEqualTo(40);
        assertThat(o.maxConcurrentUsers()).isEqualTo(400);
        doc.undo();
        assertThat(vm.kindProperty().get()).isEqualTo(PlanKind.CAPACITY);
        doc.undo();
        doc.undo();
        assertThat(doc.project().loadPlan()).isInstanceOf(LoadPlan.Open.class);
        assertThat(vm.kindProperty().get()).isEqualTo(PlanKind.OPEN);
        assertThat(vm.setStages(List.of(new LoadPlanViewModel.StageRow(10, 5, null))))
                .isNull();
    }
}
