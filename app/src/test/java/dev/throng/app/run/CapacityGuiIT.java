package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.app.settings.LoadPlanView;
import dev.throng.app.settings.LoadPlanViewModel;
import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.Runs;
import dev.throng.engine.run.StopReason;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A capacity search from the editor to the result card, in a window: "Capacity search" is picked in the load-plan
 * editor and its fields typed; Start hands the plan to the run. One test then has a scripted handle deliver the
 * engine's capacity reports step by step (the knee of a system that carries 190 users: exact sentences, and the
 * screenshot); the other runs a short real search with the engine against the demo shop's fixed-capacity route.
 */
@ExtendWith(ApplicationExtension.class)
class CapacityGuiIT {
    @TempDir
    static Path dir;

    private static DemoShop shop;

    private final ScriptedRunHandle handle = new ScriptedRunHandle(Snapshots.running(0, 0, 0, List.of()));
    private final List<Project> started = new CopyOnWriteArrayList<>();
    /** What Start runs: the scripted handle unless a test says otherwise. */
    private volatile java.util.function.BiFunction<Project, Path, RunHandle> starter = (p, d) -> handle;

    private ProjectDocument document;
    private RunViewModel vm;
    private RunView runView;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        document = new ProjectDocument(new MemoryProjectFiles(), BackgroundTasks.fx(), dir);
        document.openUntitled(RunViewGuiIT.shopProject(URI.create("http://127.0.0.1:9"))
                .withThresholds(List.of(Threshold.parse("p95<100ms"), Threshold.parse("error_rate<1%"))));
        vm = new RunViewModel(document::project, () -> dir, (p, d) -> {
            started.add(p);
            return starter.apply(p, d);
        });
        runView = new RunView(vm);
        var plan = new Tab("Load plan", new LoadPlanView(new LoadPlanViewModel(document)));
        var run = new Tab("Run", runView);
        var tabs = new TabPane(plan, run);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> runView.setActive(now == run));
        stage.setScene(new Scene(tabs, 1360, 900));
        stage.setTitle("Throng capacity search (test)");
        stage.show();
    }

    @AfterAll
    static void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @AfterEach
    void shutdown() throws Exception {
        fx(() -> {
            runView.setActive(false);
            vm.shutdown();
            return null;
        });
    }

    @Test
    void pickCapacitySearchSetItsFieldsRunItAndReadTheCard(FxRobot robot) throws Exception {
        robot.clickOn("#kind-capacity");
        waitUntil(10, () -> document.project().loadPlan() instanceof LoadPlan.Capacity);
        waitUntil(10, () -> robot.lookup("#capacity-start").tryQuery().isPresent());

        setField(robot, "#capacity-start", "abc");
        assertThat(fx(() -> robot.lookup("#plan-error").queryAs(Label.class).getText()))
                .isEqualTo("Start (users): enter a number");
        setField(robot, "#capacity-upper-bound", "300");
        setField(robot, "#capacity-start", "50");
        setField(robot, "#capacity-step", "50");
        setField(robot, "#capacity-hold", "10");
        setField(robot, "#capacity-refinements", "2");
        assertThat(fx(() -> robot.lookup("#plan-error").queryAs(Label.class).getText()))
                .isEmpty();
        var plan = (LoadPlan.Capacity) fx(() -> document.project().loadPlan());
        assertThat(plan.model()).isEqualTo(LoadPlan.CapacityModel.USERS);
        assertThat(plan.start()).isEqualTo(50);
        assertThat(plan.step()).isEqualTo(50);
        assertThat(plan.stepMode()).isEqualTo(LoadPlan.StepMode.ADD);
        assertThat(plan.hold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.upperBound()).isEqualTo(300);
        assertThat(plan.refinements()).isEqualTo(2);
        assertThat(fx(() -> robot.lookup("#capacity-line").queryAs(Label.class).getText()))
                .isEqualTo("up to 8 steps, at most 1m 20s; objective: p95 < 100ms, errors < 1%");

        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "capacity-plan.png"));
            return null;
        });

        robot.clickOn("Run");
        waitUntil(10, () -> vm.searchProperty().get());
        robot.clickOn("#start");
        waitUntil(10, () -> vm.stateProperty().get() == RunState.RUNNING);
        assertThat(started)
                .singleElement()
                .satisfies(p -> assertThat(p.loadPlan()).isEqualTo(plan));

        var steps = new ArrayList<CapacityStep>();
        long sequence = 0;
        for (CapacityStep judged : knee()) {
            var holding = new ArrayList<>(steps);
            holding.add(running(judged));
            handle.push(Snapshots.withCapacity(
                    Snapshots.running(++sequence, (int) judged.load(), 2, List.of()),
                    Snapshots.search(false, holding)));
            int n = holding.size();
            waitUntil(10, () -> vm.capacity().steps().size() == n);
            steps.add(judged);
        }
        assertThat(fx(() -> vm.capacity().statusProperty().get()))
                .isEqualTo("Step 6 at 190 users (narrowing): holding…");
        handle.push(Snapshots.withCapacity(
                Snapshots.running(++sequence, 190, 2, List.of()), Snapshots.search(false, steps)));
        waitUntil(10, () -> runView.capacityPanel().chart().p95Points() == 6);
        assertThat(fx(() -> robot.lookup("#capacity-card").query().isVisible())).isFalse();

        handle.finish(new RunResult(
                "shop",
                Instant.EPOCH,
                60_000,
                new StopReason.Completed(),
                null,
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Snapshots.search(true, steps)));
        waitUntil(10, () -> vm.stateProperty().get() == RunState.FINISHED);
        waitUntil(10, () -> robot.lookup("#capacity-card").query().isVisible());
        assertThat(fx(() ->
                        robot.lookup("#capacity-headline").queryAs(Label.class).getText()))
                .isEqualTo("Carries 190 users (196 req/s)");
        assertThat(fx(() -> robot.lookup("#capacity-broke-first")
                        .queryAs(Label.class)
                        .getText()))
                .isEqualTo("p95 < 100ms broke first at 200 users");
        assertThat(fx(() ->
                        robot.lookup("#capacity-degraded").queryAs(Label.class).getText()))
                .isEqualTo("First degraded: GET /capacity");
        assertThat(fx(() -> robot.lookup("#capacity-upper-bound").query().isVisible()))
                .isFalse();
        assertThat(fx(() -> robot.lookup("#capacity-table")
                        .queryAs(javafx.scene.control.TableView.class)
                        .getItems()
                        .size()))
                .isEqualTo(6);
        WaitForAsyncUtils.waitForFxEvents();
        Clock.pause(); // let the charts lay out their last points before the picture
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "capacity-run.png"));
            Screenshots.write(runView.capacityPanel(), Path.of("target", "screenshots", "capacity.png"));
            return null;
        });
    }

    /**
     * The real engine against the demo shop's {@code /capacity} (2 slots of 50 ms: about 40 req/s at most). Users loop
     * without pauses, so requests wait about 25 ms × users on average: 2 users meet p95 &lt; 300ms with a wide margin,
     * 32 users (about 800 ms) break it with a wide margin; the narrowing step in between may go either way on a busy
     * machine.
     */
    @Test
    void aShortRealSearchFindsTheLimitOfTheDemoShop(FxRobot robot) throws Exception {
        shop = DemoShop.start(DemoShop.Options.defaults().withCapacity(2, 50));
        starter = (p, d) -> Runs.startLocal(p, RunOptions.of(d));
        fx(() -> {
            document.openUntitled(capacityProject(shop.baseUri()));
            return null;
        });
        waitUntil(10, () -> robot.lookup("#capacity-start").tryQuery().isPresent());
        robot.clickOn("#step-mode");
        robot.clickOn("multiply");
        setField(robot, "#capacity-step", "16");
        setField(robot, "#capacity-upper-bound", "32");
        assertThat(fx(() -> ((LoadPlan.Capacity) document.project().loadPlan()).ladder()))
                .containsExactly(2.0, 32.0);

        robot.clickOn("Run");
        robot.clickOn("#start");
        waitUntil(60, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(fx(() -> vm.errorProperty().get())).isEmpty();
        waitUntil(10, () -> robot.lookup("#capacity-card").query().isVisible());
        assertThat(fx(() -> vm.capacity().steps().size())).isEqualTo(3);
        assertThat(fx(() ->
                        robot.lookup("#capacity-headline").queryAs(Label.class).getText()))
                .matches("Carries (2|17) users \\([0-9.,]+ req/s\\)");
        assertThat(fx(() -> robot.lookup("#capacity-broke-first")
                        .queryAs(Label.class)
                        .getText()))
                .isEqualTo("p95 < 300ms broke first at 32 users");
        assertThat(fx(() ->
                        robot.lookup("#capacity-degraded").queryAs(Label.class).getText()))
                .startsWith("First degraded: ")
                .contains("/capacity");
        waitUntil(10, () -> runView.capacityPanel().chart().p95Points() >= 3);
        assertThat(shop.counters().total())
                .as("the search's requests were served by the shop")
                .isPositive();
        Clock.pause();
        fx(() -> {
            Screenshots.write(stage.getScene(), Path.of("target", "screenshots", "capacity-demo-shop.png"));
            return null;
        });
    }

    /** One user profile looping GET /capacity without pauses; the objective p95 &lt; 300ms; a search from 2 users. */
    private static Project capacityProject(URI base) {
        Flow flow = new Flow(
                "hit",
                "Hit the fixed-capacity route",
                List.of(Step.Request.of("capacity", "GET", "/capacity")),
                List.of(Edge.of(Flow.START, "capacity", 1)));
        return Project.empty("Capacity test")
                .withSettings(Settings.defaults().withBaseUrls(List.of(base.toString())))
                .withFlows(List.of(flow))
                .withProfiles(List.of(UserProfile.of("client", 1, "hit")))
                .withThresholds(List.of(Threshold.parse("p95<300ms")))
                .withLoadPlan(new LoadPlan.Capacity(
                        LoadPlan.CapacityModel.USERS,
                        2,
                        2,
                        LoadPlan.StepMode.ADD,
                        Duration.ofSeconds(4),
                        8,
                        1,
                        40,
                        100,
                        Duration.ofSeconds(1)));
    }

    /** 50, 100, 150 pass; 200 breaks p95 &lt; 100ms; narrowing, 175 and 190 pass. */
    private static List<CapacityStep> knee() {
        return List.of(
                Snapshots.step(1, 50, 22, 0, true, false),
                Snapshots.step(2, 100, 31, 0, true, false),
                Snapshots.step(3, 150, 48, 0.001, true, false),
                Snapshots.step(4, 200, 164, 0.018, false, false),
                narrowing(Snapshots.step(5, 175, 71, 0.003, true, false)),
                narrowing(Snapshots.step(6, 190, 92, 0.006, true, false)));
    }

    private static CapacityStep narrowing(CapacityStep s) {
        return copy(s, true, s.running());
    }

    private static CapacityStep running(CapacityStep s) {
        return copy(s, s.narrowing(), true);
    }

    private static CapacityStep copy(CapacityStep s, boolean narrowing, boolean running) {
        return new CapacityStep(
                s.index(),
                s.load(),
                narrowing,
                s.startMillis(),
                running ? s.startMillis() : s.endMillis(),
                s.requests(),
                s.requestsPerSecond(),
                s.p50Millis(),
                s.p95Millis() * (running ? 0.9 : 1),
                s.p99Millis(),
                s.errorRate(),
                !running && s.passed(),
                running ? List.of() : s.brokenRules(),
                running ? List.of() : s.degradedNames(),
                running);
    }

    private static void setField(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** A short pause through the engine's clock (the only place that sleeps). */
    private static final class Clock {
        static void pause() throws InterruptedException {
            dev.throng.engine.time.Clock.system().sleep(TimeUnit.MILLISECONDS.toNanos(700));
        }
    }
}
