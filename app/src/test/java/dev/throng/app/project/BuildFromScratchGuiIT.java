package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.service.SampleProjects;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.io.ProjectFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds a tiny project from nothing with the app only (no JSON): new project, base URL, new flow, a request from the
 * palette, a profile with a think time, users in the load plan; saves it, and the engine accepts the file.
 */
@ExtendWith(ApplicationExtension.class)
class BuildFromScratchGuiIT {
    @TempDir
    Path dir;

    GuiFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new GuiFixture(stage, Path.of(System.getProperty("java.io.tmpdir"), "throng-gui-user"));
        app.document.openUntitled(SampleProjects.builtInShop());
    }

    @AfterEach
    void stop() {
        app.tasks.close();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    private Project project() {
        return fx(() -> app.document.project());
    }

    /** Writes the window to target/screens/NAME.png (to look at while developing). */
    private void screen(String name) {
        fx(() -> {
            var image = stage.getScene().snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var reader = image.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, reader.getArgb(x, y));
                }
            }
            Path file = Path.of("target", "screens", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
            return null;
        });
    }

    private void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void aWholeProjectIsBuiltInTheAppAndTheEngineAcceptsIt(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#node-home").tryQuery().isPresent());

        // A new, empty project.
        robot.clickOn("#tool-new");
        waitFor(() -> app.document.project().flows().isEmpty());

        // The base URL in the settings.
        robot.clickOn("Settings");
        type(robot, "#property-baseurl", "http://127.0.0.1:8080");
        robot.clickOn("#property-trustallcertificates");
        assertThat(project().settings().tls().trustAll()).isTrue();
        waitFor(() -> robot.lookup("#property-warning").tryQuery().isPresent());
        screen("settings");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(project().settings().tls().trustAll()).isFalse();
        assertThat(project().settings().baseUrl()).isEqualTo("http://127.0.0.1:8080");

        // A new flow from the tree's context menu: it opens in the designer, START → END.
        robot.rightClickOn("#project-tree");
        robot.clickOn("New flow");
        waitFor(() -> robot.lookup("#node-start").tryQuery().isPresent()
                && robot.lookup("#edge-start-end").tryQuery().isPresent());
        assertThat(project().flows()).extracting(Flow::id).containsExactly("flow1");

        // A request from the palette between START and END; the direct arrow goes.
        robot.clickOn("#palette-request");
        robot.drag("#port-start", MouseButton.PRIMARY).dropTo("#node-request1");
        robot.drag("#port-request1", MouseButton.PRIMARY).dropTo("#node-end");
        robot.clickOn("#edge-start-end");
        waitFor(() -> robot.lookup("#property-test").tryQuery().isPresent()); // the arrow's condition row
        robot.type(KeyCode.DELETE);
        assertThat(project().flow("flow1").orElseThrow().edges())
                .containsExactly(Edge.of(Flow.START, "request1", 1), Edge.of("request1", Flow.END, 1));

        // A new profile (from the toolbar) runs the flow shown; give it a think time between 0.5 and 1.5 s.
        robot.clickOn("#tool-add");
        robot.clickOn("New profile");
        waitFor(() -> robot.lookup("#property-thinktime").tryQuery().isPresent());
        robot.clickOn("#property-thinktime");
        robot.clickOn("between");
        waitFor(() -> robot.lookup("#property-minms").tryQuery().isPresent());
        type(robot, "#property-minms", "500");
        type(robot, "#property-maxms", "1500");
        robot.clickOn("#property-thinktime"); // focus away from the last field commits it
        robot.type(KeyCode.ESCAPE);
        screen("profile-properties");
        UserProfile profile = project().profile("profile1").orElseThrow();
        assertThat(profile.mainFlow()).isEqualTo("flow1");
        assertThat(profile.thinkTime())
                .isEqualTo(new ThinkTime.Between(Duration.ofMillis(500), Duration.ofMillis(1500)));

        // Three users in the load plan.
        robot.clickOn("Load plan");
        waitFor(() -> robot.lookup("#property-users").tryQuery().isPresent());
        type(robot, "#property-users", "3");
        assertThat(((LoadPlan.Closed) project().loadPlan()).users()).isEqualTo(3);

        // Save, and the engine reads the file without errors.
        Path file = dir.resolve("tiny.throng.json");
        app.saveTo = file;
        robot.clickOn("#tool-save");
        waitFor(() -> !app.document.dirtyProperty().get() && Files.exists(file));
        var read = ProjectFiles.read(file);
        assertThat(read.problems().stream().filter(p -> p.isError()).toList()).isEmpty();
        assertThat(read.ok()).isTrue();
        assertThat(read.project().profiles()).containsExactly(profile);
        assertThat(read.project().flow("flow1").orElseThrow().steps()).hasSize(1);

        // The open model with a stage.
        robot.clickOn("#property-model");
        robot.clickOn(LoadPlanProperties.OPEN);
        waitFor(() -> robot.lookup("#property-maxconcurrentusers").tryQuery().isPresent());
        robot.clickOn("#add-stage");
        screen("load-plan-open");
        assertThat(project().loadPlan())
                .isInstanceOfSatisfying(
                        LoadPlan.Open.class, o -> assertThat(o.stages()).hasSize(1));

        // F2 in the tree renames the flow (the profile follows); Delete refuses: it is the profile's main flow.
        fx(() -> {
            app.view.viewModel().selectionProperty().set(new Selection.Flow("flow1"));
            robot.lookup("#project-tree").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.F2);
        waitFor(() -> robot.lookup("#rename-text").tryQuery().isPresent());
        type(robot, "#rename-text", "Check out");
        waitFor(() -> app.document.project().flow("check-out").isPresent());
        assertThat(project().profile("profile1").orElseThrow().mainFlow()).isEqualTo("check-out");
        fx(() -> {
            robot.lookup("#project-tree").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.DELETE);
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        screen("delete-refused");
        robot.type(KeyCode.ENTER);
        assertThat(project().flow("check-out")).isPresent();
    }
}
