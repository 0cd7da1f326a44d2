package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskListViewModelTest {
    @TempDir
    Path dir;

    @Test
    void weightsFromStartRoundTripWithTheCanvas() {
        var doc = Fixtures.document(dir);
        var designer = new FlowDesignerViewModel(doc);
        designer.showFlow("main");
        var tasks = new TaskListViewModel(doc, designer);
        assertThat(tasks.tasks()).extracting(TaskListViewModel.Task::stepId).containsExactly("home", "cart");
        assertThat(tasks.tasks().get(0).weight()).isEqualTo(1);
        assertThat(tasks.tasks().get(1).weight()).isZero();

        var before = doc.project().flow("main").orElseThrow();
        assertThat(tasks.setWeight("cart", 3)).isNull();
        assertThat(tasks.setWeight("home", 1)).isNull(); // unchanged: no new undo step
        var after = doc.project().flow("main").orElseThrow();
        assertThat(after.steps()).isEqualTo(before.steps());
        assertThat(after.edges()).hasSize(before.edges().size() + 1).containsAll(before.edges());
        assertThat(after.edges().getLast()).isEqualTo(Edge.of(Flow.START, "cart", 3));
        assertThat(tasks.tasks().get(1).probability()).isCloseTo(0.75, within(1e-12));
        // The canvas shows the same edge.
        assertThat(designer.arrows().getLast().from()).isEqualTo(Flow.START);

        doc.undo();
        assertThat(doc.project().flow("main").orElseThrow()).isEqualTo(before);
        assertThat(tasks.tasks().get(1).weight()).isZero();
    }

    @Test
    void addTaskAddsARequestWeightedFromStart() {
        var doc = Fixtures.document(dir);
        var designer = new FlowDesignerViewModel(doc);
        designer.showFlow("main");
        var tasks = new TaskListViewModel(doc, designer);
        String id = tasks.addTask();
        assertThat(tasks.tasks()).extracting(TaskListViewModel.Task::stepId).contains(id);
        assertThat(doc.project().flow("main").orElseThrow().edgesFrom(Flow.START))
                .contains(Edge.of(Flow.START, id, 1));
    }
}
