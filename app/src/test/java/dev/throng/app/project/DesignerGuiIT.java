package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Builds a flow with mouse and keyboard, undoes and redoes, saves and reopens it. */
@ExtendWith(ApplicationExtension.class)
class DesignerGuiIT {
    @TempDir
    Path dir;

    GuiFixture app;

    @Start
    void start(Stage stage) {
        app = new GuiFixture(stage, Path.of(System.getProperty("java.io.tmpdir"), "throng-gui-user"));
        var empty = Project.empty("Built by hand")
                .withFlows(List.of(new Flow("main", "Main", List.of(), List.of())))
                .withProfiles(List.of(UserProfile.of("user", 1, "main")));
        app.document.openUntitled(empty);
    }

    @AfterEach
    void stop() {
        app.tasks.close();
    }

    private Flow flow() {
        return fx(() -> app.document.project().flow("main").orElseThrow());
    }

    private void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    @Test
    void buildConnectWeighUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#node-start").tryQuery().isPresent());

        // Two requests from the palette.
        robot.clickOn("#palette-request");
        robot.clickOn("#palette-request");
        assertThat(flow().steps()).extracting(Step::id).containsExactly("request1", "request2");

        // Connect START -> request1 -> request2 -> END by dragging from ports.
        robot.drag("#port-start", MouseButton.PRIMARY).dropTo("#node-request1");
        robot.drag("#port-request1", MouseButton.PRIMARY).dropTo("#node-request2");
        robot.drag("#port-request2", MouseButton.PRIMARY).dropTo("#node-end");
        assertThat(flow().edges())
                .containsExactly(
                        Edge.of(Flow.START, "request1", 1),
                        Edge.of("request1", "request2", 1),
                        Edge.of("request2", Flow.END, 1));

        // A second way out of request1, then weigh it 3 by editing its label.
        robot.drag("#port-request1", MouseButton.PRIMARY).dropTo("#node-end");
        robot.doubleClickOn("#edge-request1-end");
        waitFor(() -> robot.lookup("#weight-editor").tryQuery().isPresent());
        robot.eraseText(3).write("3").type(KeyCode.ENTER);
        assertThat(flow().edges().get(3)).isEqualTo(Edge.of("request1", Flow.END, 3));
        var label = robot.lookup("#edge-request1-end").queryLabeled();
        assertThat(label.getText()).contains("75%");

        // Undo twice (weight, then the arrow), redo once (the arrow is back with weight 1).
        robot.clickOn("#flow-canvas");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(flow().edges().get(3).weight()).isEqualTo(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(flow().edges()).hasSize(3);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertThat(flow().edges().get(3)).isEqualTo(Edge.of("request1", Flow.END, 3));

        // Select request2 and delete it with the keyboard, then undo.
        robot.clickOn("#node-request2");
        robot.type(KeyCode.DELETE);
        assertThat(flow().steps()).extracting(Step::id).containsExactly("request1");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(flow().steps()).hasSize(2);

        // Save with Ctrl+S (asks where), reopen in a fresh document, compare.
        Project built = fx(app.document::project);
        app.saveTo = dir.resolve("built.throng.json");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> !app.document.dirtyProperty().get());
        assertThat(fx(() -> app.document.titleProperty().get())).isEqualTo("Built by hand — built.throng.json");
        var reopened = fx(() -> {
            var doc = new ProjectDocument(app.files, app.tasks, dir.resolve("user2"));
            doc.open(app.saveTo);
            return doc;
        });
        waitFor(() -> reopened.fileProperty().get() != null);
        assertThat(fx(reopened::project)).isEqualTo(built);
    }

    @Test
    void taskListShowsTheSameFlowAndEditsWeightsFromStart(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#node-start").tryQuery().isPresent());
        robot.clickOn("#palette-request");
        robot.drag("#port-start", MouseButton.PRIMARY).dropTo("#node-request1");
        robot.clickOn("#show-task-list");
        waitFor(() -> robot.lookup("#task-list").query().isVisible());
        robot.doubleClickOn("1.0");
        robot.eraseText(3).write("4").type(KeyCode.ENTER);
        assertThat(flow().edges()).containsExactly(Edge.of(Flow.START, "request1", 4));
        robot.clickOn("#show-canvas");
        assertThat(robot.lookup("#edge-start-request1").queryLabeled().getText())
                .startsWith("4");
    }
}
