package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.UserProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** curl and HAR import through the main window. */
@ExtendWith(ApplicationExtension.class)
class ImportGuiIT {
    @TempDir
    Path dir;

    GuiFixture app;

    @Start
    void start(Stage stage) {
        app = new GuiFixture(stage, Path.of(System.getProperty("java.io.tmpdir"), "throng-gui-user"));
        app.document.openUntitled(Project.empty("Imports")
                .withFlows(List.of(new Flow("main", "Main", List.of(), List.of())))
                .withProfiles(List.of(UserProfile.of("user", 1, "main"))));
    }

    @AfterEach
    void stop() {
        app.tasks.close();
    }

    @Test
    void curlCommandBecomesARequestOfTheShownFlow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#node-start").tryQuery().isPresent());
        robot.clickOn("#tool-importcurl");
        robot.clickOn("#curl-text").write("curl -X PUT http://127.0.0.1:1/cart -H 'Accept: text/plain' -d 'n=2'");
        robot.clickOn("#curl-ok");
        var steps = fx(() -> app.document.project().flow("main").orElseThrow().steps());
        assertThat(steps).hasSize(1);
        var request = (Step.Request) steps.getFirst();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.headers()).contains(new Header("Accept", "text/plain"));
        assertThat(robot.lookup("#node-put-cart").tryQuery()).isPresent();
        assertThat(robot.lookup("#request-editor").tryQuery()).isPresent();
    }

    @Test
    void harRecordingBecomesANewFlow(FxRobot robot) throws Exception {
        Path har = dir.resolve("visit.har");
        Files.writeString(har, """
                {"log": {"entries": [
                  {"startedDateTime": "2024-05-01T10:00:00.000Z", "time": 20,
                   "request": {"method": "GET", "url": "http://127.0.0.1:1/product/7", "headers": []},
                   "response": {"content": {"mimeType": "application/json"}}},
                  {"startedDateTime": "2024-05-01T10:00:00.100Z", "time": 5,
                   "request": {"method": "GET", "url": "http://127.0.0.1:1/logo.png", "headers": []},
                   "response": {"content": {"mimeType": "image/png"}}}
                ]}}
                """);
        fx(() -> {
            app.view.importHar(har);
            return null;
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> fx(() -> app.document.project().flow("visit").isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        var project = fx(app.document::project);
        var flow = project.flow("visit").orElseThrow();
        assertThat(flow.steps()).hasSize(1);
        assertThat(((Step.Request) flow.steps().getFirst()).url()).isEqualTo("/product/${productId}");
        assertThat(project.settings().baseUrl()).isEqualTo("http://127.0.0.1:1");
        assertThat(project.variables()).extracting(v -> v.name()).contains("productId");
        assertThat(robot.lookup("#node-get-product").tryQuery()).isPresent();
    }
}
