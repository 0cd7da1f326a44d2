package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static dev.throng.app.project.GuiFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.designer.RunOverlay;
import dev.throng.app.run.Screenshots;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A real run against the demo shop, watched on the flow: the slow step turns red, busy arrows get thick. */
@ExtendWith(ApplicationExtension.class)
class OverlayGuiIT {
    @RegisterExtension
    static final ShopWindow shop = new ShopWindow();

    @TempDir
    static Path dir;

    GuiFixture app;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = shop.open(
                stage,
                dir,
                "Overlay test shop",
                List.of(
                        Step.Request.of("home", "GET", "/").withPosition(new Position(200, 130)),
                        Step.Request.of("products", "GET", "/products").withPosition(new Position(60, 280)),
                        Step.Request.of("product", "GET", "/product/7")
                                .withName("/product/{id}")
                                .withPosition(new Position(60, 430)),
                        Step.Request.of("slow", "GET", "/slow?delay_ms=40")
                                .withName("/slow")
                                .withPosition(new Position(340, 280))),
                List.of(
                        Edge.of(Flow.START, "home", 1),
                        Edge.of("home", "products", 4),
                        Edge.of("home", "slow", 1),
                        Edge.of("products", "product", 1)),
                new LoadPlan.Closed(4, 10, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        app.shutdown();
    }

    @Test
    void theFlowShowsTheRunningRun(FxRobot robot) throws Exception {
        waitFor(10, () -> robot.lookup("#node-slow").tryQuery().isPresent());
        fx(() -> {
            app.view.showRunTab();
            return null;
        });
        robot.clickOn("#start");
        robot.clickOn("Design");

        // Fed by the dashboard's sampler while the designer is shown.
        waitFor(20, () -> {
            RunOverlay o = app.view.designer().overlayProperty().get();
            return o != null && o.size() == 4 && o.step("product").rps() > 0;
        });
        waitFor(20, () -> robot.lookup("#overlay-legend").query().isVisible());
        var slow = robot.lookup("#node-slow").query();
        waitFor(20, () -> slow.getPseudoClassStates().contains(PseudoClass.getPseudoClass("run-bad")));
        var home = robot.lookup("#node-home").query();
        assertThat(fx(() -> home.getPseudoClassStates().contains(PseudoClass.getPseudoClass("run-good"))))
                .as("the home page is fast")
                .isTrue();
        RunOverlay o = fx(() -> app.view.designer().overlayProperty().get());
        assertThat(o.arrowWidth("products")).isGreaterThan(o.arrowWidth("slow"));

        // The legend's choice switches the colours to the error rate (the shop's pages do not fail: all green).
        @SuppressWarnings("unchecked")
        var measure = (javafx.scene.control.ChoiceBox<RunOverlay.Measure>)
                robot.lookup("#overlay-measure").query();
        fx(() -> {
            measure.setValue(RunOverlay.Measure.ERROR_RATE);
            return null;
        });
        waitFor(10, () -> app.view.designer().overlayProperty().get().measure() == RunOverlay.Measure.ERROR_RATE);
        assertThat(fx(() -> slow.getPseudoClassStates().contains(PseudoClass.getPseudoClass("run-good"))))
                .isTrue();
        fx(() -> {
            measure.setValue(RunOverlay.Measure.P95);
            return null;
        });
        waitFor(10, () -> app.view.designer().overlayProperty().get().measure() == RunOverlay.Measure.P95);

        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "overlay.png"));
            return null;
        });

        // The History tab of an unsaved project says where runs will be kept.
        robot.clickOn("History");
        waitFor(
                10,
                () -> robot.lookup("#history-message")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText()
                        .contains("Save the project"));
    }
}
