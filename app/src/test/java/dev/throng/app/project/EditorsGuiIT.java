package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.service.SampleProjects;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens every editor of the sample from the project tree, and edits a request through its editor. */
@ExtendWith(ApplicationExtension.class)
class EditorsGuiIT {
    GuiFixture app;

    @Start
    void start(Stage stage) {
        app = new GuiFixture(stage, Path.of(System.getProperty("java.io.tmpdir"), "throng-gui-user"));
        app.document.openUntitled(SampleProjects.builtInShop());
    }

    @AfterEach
    void stop() {
        app.tasks.close();
    }

    /** With the environment variable THRONG_SCREENS=DIR, saves the X screen there (for looking at the window while developing). */
    private static void screen(String name) throws Exception {
        String dir = System.getenv("THRONG_SCREENS");
        if (dir != null) {
            new ProcessBuilder(
                            "import",
                            "-window",
                            "root",
                            Path.of(dir, name + ".png").toString())
                    .inheritIO()
                    .start()
                    .waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyEditorOpensFromTheTree(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#node-home").tryQuery().isPresent());
        robot.clickOn("Load plan");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#load-plan").tryQuery().isPresent());
        robot.clickOn("#add-stage");
        WaitForAsyncUtils.waitForFxEvents();
        screen("load-plan");
        robot.clickOn("Variables (1)");
        assertThat(robot.lookup("#variables").tryQuery()).isPresent();
        robot.clickOn("Thresholds (2)");
        assertThat(robot.lookup("#thresholds").tryQuery()).isPresent();
        robot.clickOn("Data sources");
        assertThat(robot.lookup("#data-source").tryQuery()).isPresent();
        robot.clickOn("Settings");
        WaitForAsyncUtils.waitForFxEvents();
        screen("settings");
        assertThat(fx(() -> app.document.canUndoProperty().get())).isTrue(); // the stage added
    }

    @Test
    void requestEditorCompletesVariablesAndEditsTheUrl(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#node-product").tryQuery().isPresent());
        robot.clickOn("#node-product");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#request-url").tryQuery().isPresent());
        TextField url = robot.lookup("#request-url").query();
        robot.clickOn(url);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("/product/${prod");
        WaitForAsyncUtils.waitForFxEvents();
        screen("request-editor");
        robot.clickOn("productId");
        assertThat(url.getText()).isEqualTo("/product/${productId}");
        robot.write("?x=1").type(KeyCode.ENTER);
        var step = fx(() -> (Step.Request) app.document
                .project()
                .flow("browse")
                .orElseThrow()
                .step("product")
                .orElseThrow());
        assertThat(step.url()).isEqualTo("/product/${productId}?x=1");
        assertThat(fx(() -> app.document.project().variables())).contains(new Variable("productId", "42"));
    }

    @Test
    void problemsAreListedAndSelectTheirElement(FxRobot robot) throws Exception {
        fx(() -> {
            app.document.edit(p -> p.withSettings(p.settings().withBaseUrls(java.util.List.of())));
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> fx(() -> !app.view.viewModel().issues().isEmpty()));
        javafx.scene.control.Hyperlink link = robot.lookup("#problems").query();
        assertThat(link.getText()).isEqualTo("4 errors, 0 warnings");
        robot.clickOn(link);
        robot.clickOn("#problem-list .list-cell");
        assertThat(fx(() -> app.view.viewModel().selectionProperty().get()))
                .isEqualTo(new Selection.Step("browse", "home"));
        assertThat(fx(() -> app.view.designer().selection())).containsExactly("home");
    }
}
