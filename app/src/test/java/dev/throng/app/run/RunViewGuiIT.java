package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.time.Clock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard in a window, running the real engine against the demo shop on loopback. */
@ExtendWith(ApplicationExtension.class)
class RunViewGuiIT {
    private static DemoShop shop;

    @TempDir
    static Path projectDirectory;

    private RunViewModel vm;
    private RunView view;
    private Stage stage;

    @BeforeAll
    static void startShop() throws Exception {
        shop = DemoShop.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    /** A small shop project: home, product list and product pages, weighted. */
    static Project shopProject(URI base) {
        Flow browse = new Flow(
                "browse",
                "Browse the shop",
                List.of(
                        Step.Request.of("home", "GET", "/"),
                        Step.Request.of("products", "GET", "/products"),
                        Step.Request.of("product", "GET", "/product/7").withName("/product/{id}"),
                        Step.Request.of("slow", "GET", "/slow?delay_ms=20&error_rate=0.05")
                                .withName("/slow")),
                List.of(
                        Edge.of(Flow.START, "home", 1),
                        Edge.of("home", "products", 3),
                        Edge.of("home", "slow", 1),
                        Edge.of("products", "product", 1)));
        return Project.empty("Dashboard test shop")
                .withSettings(dev.throng.engine.project.Settings.defaults().withBaseUrls(List.of(base.toString())))
                .withFlows(List.of(browse))
                .withProfiles(List.of(UserProfile.of("shopper", 1, "browse")
                        .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(50)))))
                .withLoadPlan(new LoadPlan.Closed(3, 10, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(1)));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Project project = shopProject(shop.baseUri());
        vm = new RunViewModel(() -> project, () -> projectDirectory); // the app's constructor: Runs.startLocal
        vm.saveRunsBeside(() -> projectDirectory.resolve("shop.throng.json"));
        view = new RunView(vm);
        stage.setScene(new Scene(view, 1280, 860));
        stage.setTitle("Throng run dashboard (test)");
        stage.show();
        view.setActive(true);
    }

    @AfterEach
    void shutdown() throws Exception {
        fx(() -> {
            view.setActive(false);
            vm.shutdown();
            return null;
        });
    }

    @Test
    void runsFillsTheChartAndTableTakesALiveUserChangeAndStops(FxRobot robot) throws Exception {
        setField(robot, "#users", "3");
        robot.clickOn("#start");

        waitUntil(20, () -> vm.rows().stream().anyMatch(r -> r.requests() > 0));
        waitUntil(20, () -> view.charts().requestsDataSet().getDataCount() >= 2);
        TableView<?> table = robot.lookup("#stats-table").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isPositive();
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(RunState.RUNNING);

        waitUntil(20, () -> vm.rows().size() == 4);
        // Select the second row as a click would (TestFX's point for a cell inside the table's clipped flow is
        // not reliable under Xvfb); what is tested is that the selection survives the refreshes.
        fx(() -> {
            table.requestFocus();
            table.getSelectionModel().select(1);
            return null;
        });
        String selected = fx(() -> ((StatsRow) table.getSelectionModel().getSelectedItem()).label());
        int points = fx(() -> vm.history().size());
        waitUntil(20, () -> vm.history().size() >= points + 2);
        assertThat(fx(() -> ((StatsRow) table.getSelectionModel().getSelectedItem()).label()))
                .as("the selection survives refreshes")
                .isEqualTo(selected);

        setField(robot, "#users", "5");
        waitUntil(
                20,
                () -> vm.snapshotProperty().get() != null
                        && vm.snapshotProperty().get().users() == 5);

        waitUntil(20, () -> view.charts().requestsDataSet().getDataCount() >= 4);
        waitUntil(20, () -> !vm.failures().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // let the charts lay out their new points before the picture
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "dashboard.png"));
            return null;
        });

        // Hidden, the dashboard does not sample; shown again, it catches up.
        fx(() -> {
            view.setActive(false);
            return null;
        });
        int hiddenAt = fx(() -> vm.history().size());
        Clock.system().sleep(TimeUnit.MILLISECONDS.toNanos(2500));
        assertThat(fx(() -> vm.history().size())).isEqualTo(hiddenAt);
        fx(() -> {
            view.setActive(true);
            return null;
        });
        waitUntil(10, () -> vm.history().size() > hiddenAt);

        robot.clickOn("#stop");
        waitUntil(30, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(fx(() -> vm.phaseTextProperty().get())).startsWith("Finished: stopped");
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        long reported = fx(() -> vm.totalProperty().get().requests());
        assertThat(reported).isPositive();
        assertThat(shop.counters().total())
                .as("every response the dashboard counted was served by the shop")
                .isGreaterThanOrEqualTo(reported);
        assertThat(fx(() -> vm.failures().getFirst().name())).isEqualTo("/slow");
        waitUntil(10, () -> vm.savedToProperty().get().startsWith("Results saved in "));
        Path saved = Path.of(fx(() -> vm.savedToProperty().get()).substring("Results saved in ".length()));
        assertThat(saved.resolve("results.json")).isRegularFile();
        assertThat(saved.getParent()).isEqualTo(projectDirectory.resolve("shop.runs"));
    }

    private static void setField(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.push(KeyCode.ENTER);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Test
    void debugRunShowsEveryRequestAndResponse(FxRobot robot) throws Exception {
        robot.clickOn("Debug run");
        setField(robot, "#debug-iterations .text-field", "2");
        robot.clickOn("#debug-start");
        DebugRunViewModel debug = fx(vm::debugRun);
        waitUntil(20, () -> !debug.runningProperty().get() && !debug.exchanges().isEmpty());
        assertThat(fx(() -> debug.statusProperty().get())).matches("\\d+ requests?, \\d+ failed\\.");
        assertThat(fx(() -> debug.exchanges().getFirst().url())).isEqualTo(shop.baseUri() + "/");
        javafx.scene.control.TextArea inspector =
                robot.lookup("#debug-inspector").queryAs(javafx.scene.control.TextArea.class);
        assertThat(fx(() -> inspector.getText())).contains("--- response").contains("--- timings");
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "debug-run.png"));
            return null;
        });
    }
}
