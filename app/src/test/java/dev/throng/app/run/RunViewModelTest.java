package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunViewModelTest {
    private final ScriptedRunHandle handle = new ScriptedRunHandle(Snapshots.running(0, 0, 0, List.of()));
    private final List<Project> started = new ArrayList<>();
    private Project project = Project.empty("shop")
            .withFlows(List.of(new Flow("browse", "Browse", List.of(), List.of())))
            .withProfiles(List.of(UserProfile.of("web", 3, "browse"), UserProfile.of("mobile", 1, "browse")))
            .withLoadPlan(new LoadPlan.Closed(10, 2, List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5)));

    private RunViewModel vm(BiFunction<Project, Path, RunHandle> starter) {
        return new RunViewModel(() -> project, () -> Path.of("/projects"), starter, BackgroundTasks.inline());
    }

    private RunViewModel vm() {
        return vm((p, dir) -> {
            started.add(p);
            return handle;
        });
    }

    @Test
    void readsThePlanIntoTheInputsAndStartsWithTheOverrides() {
        RunViewModel vm = vm();
        vm.refreshFromProject();
        assertThat(vm.usersProperty().get()).isEqualTo(10);
        assertThat(vm.spawnRateProperty().get()).isEqualTo(2.0);
        assertThat(vm.durationSecondsProperty().get()).isEqualTo(60);
        assertThat(vm.profileWeights()).extracting(ProfileWeight::name).containsExactly("web", "mobile");

        vm.usersProperty().set(25);
        vm.durationSecondsProperty().set(30);
        vm.profileWeights().getFirst().weightProperty().set(5);
        vm.start();

        assertThat(started).hasSize(1);
        assertThat(started.getFirst().loadPlan())
                .isEqualTo(new LoadPlan.Closed(25, 2, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(5)));
        assertThat(started.getFirst().profile("web").orElseThrow().weight()).isEqualTo(5.0);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.canStopProperty().get()).isTrue();
        assertThat(handle.calls)
                .as("inputs changed before the start are not live changes")
                .isEmpty();
    }

    @Test
    void takesFiguresOnlyFromNewSnapshots() {
        RunViewModel vm = vm();
        vm.start();
        handle.push(Snapshots.running(1, 5, 3, List.of()));
        assertThat(vm.sample()).isTrue();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.history().size()).isEqualTo(1);
        assertThat(vm.totalProperty().get().requests()).isEqualTo(30);
        assertThat(vm.elapsedTextProperty().get()).isEqualTo("0:01 / 1:00");
        assertThat(vm.usersTextProperty().get()).isEqualTo("5 of 5 users");
        assertThat(vm.failures()).hasSize(1);
        assertThat(vm.agents()).hasSize(1);

        assertThat(vm.sample()).as("same snapshot").isFalse();
        handle.push(Snapshots.running(1, 7, 3, List.of()));
        assertThat(vm.sample()).as("a new object with the same sequence").isFalse();
        assertThat(vm.history().size()).isEqualTo(1);

        handle.push(Snapshots.running(2, 7, 3, List.of()));
        assertThat(vm.sample()).isTrue();
        assertThat(vm.history().size()).isEqualTo(2);
        assertThat(vm.history().get(1).users()).isEqualTo(7);
        assertThat(vm.history().get(1).rps()).isEqualTo(30.0);
        assertThat(vm.rows().getFirst().requests()).isEqualTo(20);
    }

    @Test
    void sendsInputChangesToTheRunningRun() {
        RunViewModel vm = vm();
        vm.refreshFromProject();
        vm.start();
        vm.usersProperty().set(40);
        vm.spawnRateProperty().set(8);
        vm.profileWeights().get(1).weightProperty().set(2);
        vm.resetStatistics();
        assertThat(handle.calls).containsExactly("users 40", "spawn 8.0", "weights {web=3.0, mobile=2.0}", "reset");
    }

    @Test
    void stopsGracefullyThenAtOnceAndShowsTheResult() {
        RunViewModel vm = vm();
        vm.start();
        handle.push(Snapshots.running(1, 5, 2, List.of()));
        vm.sample();
        vm.stop();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.STOPPING);
        vm.stop();
        assertThat(handle.calls).containsExactly("stop true", "stop false");
        vm.usersProperty().set(99);
        assertThat(handle.calls).as("no live change while stopping").hasSize(2);

        handle.finish(Snapshots.result(new StopReason.StoppedByUser(), handle.snapshot(), 1));
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.phaseTextProperty().get()).isEqualTo("Finished: stopped");
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(handle.closed).isTrue();
        assertThat(vm.sample()).as("no handle any more").isFalse();
    }

    @Test
    void fillsTheHistoryFromTheResultWhenPointsWereMissed() {
        RunViewModel vm = vm();
        vm.start();
        handle.push(Snapshots.running(1, 5, 2, List.of()));
        vm.sample();
        int generation = vm.history().generation();
        handle.push(Snapshots.running(30, 5, 2, List.of()));
        handle.finish(Snapshots.result(new StopReason.Completed(), handle.snapshot(), 30));
        assertThat(vm.history().size()).isEqualTo(30);
        assertThat(vm.history().generation()).isNotEqualTo(generation);
        assertThat(vm.phaseTextProperty().get()).isEqualTo("Finished: plan completed");
    }

    @Test
    void showsWhyARunCouldNotStart() {
        RunViewModel vm = vm((p, dir) -> {
            throw new IllegalArgumentException("shop.throng.json: settings.baseUrls is empty; add a base URL");
        });
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.errorProperty().get())
                .isEqualTo("Could not start the run: shop.throng.json: settings.baseUrls is empty; add a base URL");
        assertThat(vm.canStartProperty().get()).isTrue();
    }

    @Test
    void showsOnlyTheBusiestRowsWhenNamesExplodeAndFiltersThem() {
        RunViewModel vm = vm();
        vm.start();
        handle.push(Snapshots.running(1, 5, 10_000, List.of()));
        vm.sample();
        assertThat(vm.rows()).hasSize(RunViewModel.MAX_TABLE_ROWS);
        assertThat(vm.rows().getFirst().name()).isEqualTo("/item/9999");
        assertThat(vm.rowsNoteProperty().get())
                .isEqualTo("Showing the busiest 300 of 10,000 names; type in the filter to find others.");

        vm.filterProperty().set("/ITEM/42");
        assertThat(vm.rows())
                .extracting(StatsRow::name)
                .contains("/item/42", "/item/4299")
                .hasSize(111);
        assertThat(vm.rowsNoteProperty().get()).isEqualTo("111 of 10000 names match the filter.");
    }

    @Test
    void showsTheWarningsOfTheRunAndOfTheStatistics() {
        RunViewModel vm = vm();
        vm.start();
        handle.push(Snapshots.running(1, 5, 2, List.of("Open-file limit 1024 is below 10 users' needs")));
        vm.sample();
        assertThat(vm.warnings()).containsExactly("Open-file limit 1024 is below 10 users' needs");
    }

    @Test
    void aStopBeforeTheRunIsUpStopsItOnceItIs() {
        Queue<Runnable> background = new ArrayDeque<>();
        RunViewModel vm = new RunViewModel(
                () -> project,
                () -> Path.of("."),
                (p, d) -> handle,
                BackgroundTasks.on(background::add, Runnable::run));
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.STARTING);
        vm.stop();
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(handle.calls).containsExactly("stop true");
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.STOPPING);
    }

    @Test
    void isConfinedToItsThread() throws Exception {
        RunViewModel vm = vm();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                vm.start();
                failure.complete(null);
            } catch (IllegalStateException e) {
                failure.complete(e);
            }
        });
        t.join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("confined");
    }

    @Test
    void snapshotsWithoutStatisticsDoNotAddPoints() {
        RunViewModel vm = vm();
        vm.start();
        RunSnapshot s = Snapshots.running(0, 1, 0, List.of());
        handle.push(s);
        assertThat(vm.sample()).isFalse();
        assertThat(vm.history().size()).isZero();
    }

    @Test
    void openModelShowsArrivalsAndChangesTheRateLive() {
        project = project.withLoadPlan(
                new LoadPlan.Open(20, List.of(), 100, Duration.ofSeconds(60), Duration.ofSeconds(5)));
        RunViewModel vm = vm();
        vm.refreshFromProject();
        assertThat(vm.openModelProperty().get()).isTrue();
        assertThat(vm.arrivalRateProperty().get()).isEqualTo(20.0);
        vm.start();
        RunSnapshot s = Snapshots.running(1, 7, 2, List.of());
        handle.push(new RunSnapshot(
                s.phase(), s.elapsedMillis(), s.plannedMillis(), 7, 0, 20, 3, s.stats(), s.agents(), s.warnings()));
        vm.sample();
        assertThat(vm.usersTextProperty().get()).isEqualTo("7 busy · 20.0 arrivals/s · 3 dropped");
        assertThat(vm.history().get(0).arrivalRate()).isEqualTo(20.0);
        assertThat(vm.history().get(0).droppedPerSecond()).isEqualTo(3.0);
        vm.arrivalRateProperty().set(35);
        assertThat(handle.calls).containsExactly("arrivals 35.0");
    }

    @Test
    void savesEachFinishedRunBesideTheProjectFile(@TempDir Path dir) throws Exception {
        RunViewModel vm = vm();
        Path file = dir.resolve("shop.throng.json");
        vm.saveRunsBeside(() -> file);
        vm.start();
        handle.push(Snapshots.running(3, 5, 2, List.of()));
        vm.sample();
        handle.finish(Snapshots.result(new StopReason.Completed(), handle.snapshot(), 3));
        List<Path> saved;
        try (var files = Files.walk(dir.resolve("shop.runs"))) {
            saved = files.filter(f -> f.getFileName().toString().equals("results.json"))
                    .toList();
        }
        assertThat(saved).hasSize(1);
        assertThat(vm.savedToProperty().get())
                .isEqualTo("Results saved in " + saved.getFirst().getParent());
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anUnsavedProjectRunsInTheWorkingFolderAndSavesNothing() {
        List<Path> folders = new ArrayList<>();
        RunViewModel vm = new RunViewModel(
                () -> project,
                () -> null,
                (p, d) -> {
                    folders.add(d);
                    return handle;
                },
                BackgroundTasks.inline());
        vm.saveRunsBeside(() -> null);
        vm.start();
        handle.finish(Snapshots.result(new StopReason.Completed(), handle.snapshot(), 0));
        assertThat(folders).containsExactly(Path.of("").toAbsolutePath());
        assertThat(vm.savedToProperty().get()).isEmpty();
    }

    @Test
    void aSavedRunIsShownReadOnlyWithItsHistoryAndWholeRunRates() {
        var saved = dev.throng.engine.report.SampleResults.run(1.0, 0);

        RunViewModel vm = RunViewModel.ofResult(saved);

        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.resultProperty().get()).isSameAs(saved);
        assertThat(vm.history().size()).isEqualTo(saved.history().size());
        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.rps()).isPositive());
        assertThat(vm.totalProperty().get().requests())
                .isEqualTo(saved.finalStats().cumulativeTotal().requests());
        assertThat(vm.failures()).isNotEmpty();
    }
}
