package dev.throng.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
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
}
