package dev.throng.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.ThrongApp;
import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.run.RunResultView;
import dev.throng.app.run.Screenshots;
import dev.throng.demo.DemoShop;
import dev.throng.engine.history.RowDelta;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two short real runs (3 users, 3 s) against the demo shop on loopback, saved beside a project file in a temporary
 * folder; the
 * history lists both, opens one and compares them.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryGuiIT {
    @TempDir
    static Path folder;

    private static Path projectFile;

    private final BackgroundTasks tasks = BackgroundTasks.fx();
    private HistoryViewModel vm;
    private HistoryView view;
    private Stage stage;

    @BeforeAll
    static void twoRuns() throws Exception {
        projectFile = folder.resolve("shop.throng.json");
        try (DemoShop shop = DemoShop.start("127.0.0.1", 0)) {
            // The second run adds a slow page, so the comparison has something to show.
            save(run(project(shop, 2), folder));
            save(run(project(shop, 30), folder));
        }
    }

    private static void save(RunResult r) throws Exception {
        RunHistory.save(projectFile, r);
    }

    private static RunResult run(Project project, Path dir) throws Exception {
        try (RunHandle h = Runs.startLocal(project, RunOptions.of(dir))) {
            return h.await(Duration.ofSeconds(30));
        }
    }

    private static Project project(DemoShop shop, int slowMillis) {
        Flow browse = new Flow(
                "browse",
                "Browse",
                List.of(
                        Step.Request.of("home", "GET", "/"),
                        Step.Request.of("slow", "GET", "/slow?delay_ms=" + slowMillis)
                                .withName("/slow")),
                List.of(Edge.of(Flow.START, "home", 1), Edge.of("home", "slow", 1)));
        return Project.empty("History test shop")
                .withSettings(
                        Settings.defaults().withBaseUrls(List.of(shop.baseUri().toString())))
                .withFlows(List.of(browse))
                .withProfiles(List.of(UserProfile.of("shopper", 1, "browse")
                        .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(20)))))
                .withLoadPlan(new LoadPlan.Closed(3, 10, List.of(), Duration.ofSeconds(3), Duration.ofSeconds(1)));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new HistoryViewModel(() -> projectFile, tasks);
        view = new HistoryView(vm);
        Scene scene = new Scene(view, 1280, 860);
        scene.getStylesheets().add(ThrongApp.stylesheet());
        stage.setScene(scene);
        stage.setTitle("Throng run history (test)");
        stage.show();
        view.setActive(true);
    }

    @Test
    void listsBothRunsOpensOneAndComparesThem(FxRobot robot) throws Exception {
        waitUntil(10, () -> view.runsTable().getItems().size() == 2);
        assertThat(fx(() -> vm.runs().get(0).requests())).isPositive();
        assertThat(fx(() -> vm.runs().get(1).requests())).isPositive();

        fx(() -> {
            view.runsTable().getSelectionModel().select(1);
            return null;
        });
        robot.clickOn("#history-open");
        waitUntil(10, () -> robot.lookup("#run-result-view").tryQuery().isPresent());
        RunResultView opened = robot.lookup("#run-result-view").queryAs(RunResultView.class);
        waitUntil(10, () -> opened.chartPoints() >= 2);
        assertThat(fx(() -> opened.viewModel().rows().size())).isEqualTo(2);
        assertThat(fx(() -> opened.viewModel().rows().getFirst().rps()))
                .as("a saved run's rate is over the whole run")
                .isPositive();
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "history-run.png"));
            return null;
        });

        fx(() -> {
            view.runsTable().getSelectionModel().selectAll();
            return null;
        });
        robot.clickOn("#history-compare");
        waitUntil(10, () -> !vm.deltas().isEmpty());
        List<String> labels = fx(() -> vm.deltas().stream().map(RowDelta::label).toList());
        assertThat(labels).containsExactly("GET /", "GET /slow", "Total");
        RowDelta slow = fx(() -> vm.deltas().get(1));
        assertThat(slow.after().latency().p50Ms())
                .as("the second run's slow page waits 30 ms, not 2")
                .isGreaterThanOrEqualTo(30);
        assertThat(slow.p50Change()).isPositive();
        assertThat(slow.isRegression()).isTrue();
        assertThat(fx(() -> view.deltasTable().getItems().size())).isEqualTo(3);
        waitUntil(10, () -> view.comparisonPoints() >= 2);
        assertThat(fx(() -> vm.messageProperty().get())).contains("(before)", "(after)", "regression");

        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "history.png"));
            return null;
        });
        tasks.close();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }
}
