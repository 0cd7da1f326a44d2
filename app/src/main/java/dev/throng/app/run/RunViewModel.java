package dev.throng.app.run;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.RunPhase;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.run.Runs;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.stats.FailureStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the run dashboard: the load inputs (which override the project's plan at Start and change the run
 * live while it goes), the run's figures taken from the engine's snapshots, and the commands Start, Stop and Reset.
 *
 * <p>Confined to the thread that created it (the FX thread in the app); every method checks it. Engine calls run on a
 * background thread and their results come back to the owner thread; nothing here waits on the engine. The view calls
 * {@link #sample()} a few times a second while it is shown; that is the only place snapshot figures are read.
 */
public final class RunViewModel {
    /** The most rows the statistics table shows; the busiest are kept when names explode. */
    public static final int MAX_TABLE_ROWS = 300;

    private final Supplier<Project> project;
    private final Supplier<Path> projectDirectory;
    private final BiFunction<Project, Path, RunHandle> starter;
    private final BackgroundTasks tasks;
    private final Thread owner = Thread.currentThread();
    private DebugRunViewModel debugRun;
    private Supplier<Path> projectFile = () -> null;
    private Supplier<BiFunction<Project, Path, RunHandle>> starterChooser;

    // Inputs (writable; the view binds its fields to them).
    private final IntegerProperty users = new SimpleIntegerProperty(this, "users", 10);
    private final DoubleProperty spawnRate = new SimpleDoubleProperty(this, "spawnRate", 2);
    private final DoubleProperty arrivalRate = new SimpleDoubleProperty(this, "arrivalRate", 10);
    private final LongProperty durationSeconds = new SimpleLongProperty(this, "durationSeconds", 60);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<ProfileWeight> profileWeights = FXCollections.observableArrayList();
    private final BooleanProperty openModel = new SimpleBooleanProperty(this, "openModel", false);
    private final BooleanProperty search = new SimpleBooleanProperty(this, "search", false);

    // Outputs.
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper(this, "phaseText", "Ready");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper savedTo = new ReadOnlyStringWrapper(this, "savedTo", "");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart", true);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop", false);
    private final RunFigures figures = new RunFigures(MAX_TABLE_ROWS);
    private final CapacityViewModel capacity = new CapacityViewModel();

    /** Guarded by the owner thread, like everything here. */
    private RunHandle handle;

    private LoadPlan runningPlan;
    private Project loadedProject;
    private long lastSequence = -1;
    private Object lastPhase;
    private boolean stopRequested;
    private int generation;

    /** A dashboard that runs the project locally with {@code Runs.startLocal}. */
    public RunViewModel(Supplier<Project> project, Supplier<Path> projectDirectory) {
        this(project, projectDirectory, RunViewModel::startLocal, BackgroundTasks.fx());
    }

    /** A dashboard that starts runs with {@code starter} (project with the overrides applied, project folder). */
    public RunViewModel(
            Supplier<Project> project, Supplier<Path> projectDirectory, BiFunction<Project, Path, RunHandle> starter) {
        this(project, projectDirectory, starter, BackgroundTasks.fx());
    }

    RunViewModel(
            Supplier<Project> project,
            Supplier<Path> projectDirectory,
            BiFunction<Project, Path, RunHandle> starter,
            BackgroundTasks tasks) {
        this.project = Objects.requireNonNull(project, "project");
        this.projectDirectory = Objects.requireNonNull(projectDirectory, "projectDirectory");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.tasks = Objects.requireNonNull(tasks, "tasks").inOrder();
        users.addListener((o, was, now) -> {
            if (live(h -> h.setTargetUsers(now.intValue())) && runningPlan instanceof LoadPlan.Closed c) {
                runningPlan =
                        new LoadPlan.Closed(now.intValue(), spawnRate.get(), List.of(), c.duration(), c.gracefulStop());
            }
        });
        spawnRate.addListener((o, was, now) -> live(h -> h.setSpawnRate(now.doubleValue())));
        arrivalRate.addListener((o, was, now) -> live(h -> h.setArrivalRate(now.doubleValue())));
        filter.addListener((o, was, now) -> figures.filter(now));
    }

    /**
     * A read-only dashboard of a finished (saved) run: its statistics, failures and chart history, no run control.
     * Start does nothing useful on it (there is no project); the history view shows it with {@link RunResultView}.
     */
    public static RunViewModel ofResult(RunResult r) {
        Objects.requireNonNull(r, "r");
        RunViewModel vm = new RunViewModel(
                () -> null,
                () -> null,
                (p, d) -> {
                    throw new IllegalStateException("a saved run cannot be started again");
                },
                BackgroundTasks.inline());
        vm.result.set(r);
        vm.figures.showSaved(r);
        vm.capacity.showResult(r.capacity());
        vm.setState(RunState.FINISHED, "Saved run of " + r.started());
        return vm;
    }

    private static RunHandle startLocal(Project project, Path directory) {
        return Runs.startLocal(project, RunOptions.of(directory));
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** Target users: the plan's override before Start, the live target while running (closed model). */
    public IntegerProperty usersProperty() {
        return users;
    }

    /** Users started per second: override before Start, live while running (closed model). */
    public DoubleProperty spawnRateProperty() {
        return spawnRate;
    }

    /** Arrivals per second: override before Start, live while running (open model). */
    public DoubleProperty arrivalRateProperty() {
        return arrivalRate;
    }

    /** The run's length in seconds (override of the plan; read at Start). */
    public LongProperty durationSecondsProperty() {
        return durationSeconds;
    }

    /** Only statistics rows whose label contains this (ignoring case) are shown. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The weights of the project's weighted profiles; changes go to the run live. */
    public ObservableList<ProfileWeight> profileWeights() {
        return profileWeights;
    }

    /** Whether the project's plan is the open model (arrival rate) rather than the closed one (users). */
    public ReadOnlyBooleanProperty openModelProperty() {
        return BooleanProperty.readOnlyBooleanProperty(openModel);
    }

    /**
     * Whether the project's plan is a capacity search: the search sets the load itself, so the users, spawn and arrival
     * inputs neither override it nor change it live.
     */
    public ReadOnlyBooleanProperty searchProperty() {
        return BooleanProperty.readOnlyBooleanProperty(search);
    }

    // ---- outputs ------------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The phase in words: "Ready", "Starting…", "Running", "Finished: plan completed", "Could not start: …". */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** "elapsed / planned" as m:ss. */
    public ReadOnlyStringProperty elapsedTextProperty() {
        return figures.elapsedText();
    }

    /** Progress through the plan and its stages. */
    ReadOnlyObjectProperty<PlanProgress> progressProperty() {
        return figures.progress();
    }

    /** Running users against the target, in words. */
    public ReadOnlyStringProperty usersTextProperty() {
        return figures.usersText();
    }

    /** All requests together since the start or last reset; null before the first figures. */
    public ReadOnlyObjectProperty<StatsRow> totalProperty() {
        return figures.total();
    }

    /** Says when the table shows only part of the rows, e.g. "Showing the busiest 300 of 10,000 names". */
    public ReadOnlyStringProperty rowsNoteProperty() {
        return figures.rowsNote();
    }

    /** The last error in words (start failed, a live change refused); empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the last run's results were saved, in words; empty when they were not (yet) saved. */
    public ReadOnlyStringProperty savedToProperty() {
        return savedTo.getReadOnlyProperty();
    }

    /** The finished run's result; null while running or before a run. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The latest snapshot read; null before the first. */
    public ReadOnlyObjectProperty<RunSnapshot> snapshotProperty() {
        return figures.snapshot();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** Statistics per name (filtered, at most {@link #MAX_TABLE_ROWS}). */
    public ObservableList<StatsRow> rows() {
        return figures.rows();
    }

    /** Failures grouped by name, kind and message, most frequent first. */
    public ObservableList<FailureStats> failures() {
        return figures.failures();
    }

    /** The agents of the run (one, in-process, for a local run). */
    public ObservableList<AgentStatus> agents() {
        return figures.agents();
    }

    /** What a person should see now: open-file limit, names folded, agent lost, ... */
    public ObservableList<String> warnings() {
        return figures.warnings();
    }

    /** The run's points for the charts. */
    public ChartHistory history() {
        return figures.history();
    }

    /** The capacity search of the run shown (inactive unless its plan is a capacity search). */
    public CapacityViewModel capacity() {
        return capacity;
    }

    /** The single-user debug run of the same project (made on first use). */
    public DebugRunViewModel debugRun() {
        checkThread();
        if (debugRun == null) {
            debugRun = new DebugRunViewModel(project, projectDirectory);
        }
        return debugRun;
    }

    /**
     * Saves every finished run's results beside the project file that {@code file} gives at the end of the run (with
     * {@code RunHistory.save}, in the background); nothing is saved while it gives {@code null} (an unsaved project).
     * Off until called.
     */
    public void saveRunsBeside(Supplier<Path> file) {
        checkThread();
        projectFile = Objects.requireNonNull(file, "file");
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /**
     * Reads the project's plan and profiles into the inputs, unless a run is going on or the project has not changed
     * since the last time. The view calls it when the dashboard is shown.
     */
    public void refreshFromProject() {
        checkThread();
        if (state.get().active()) {
            return;
        }
        Project p = project.get();
        if (p == null || p == loadedProject) {
            return;
        }
        loadedProject = p;
        PlanInputs in = PlanInputs.of(p.loadPlan());
        search.set(p.loadPlan() instanceof LoadPlan.Capacity);
        openModel.set(in.open());
        users.set(in.users());
        spawnRate.set(in.spawnRate());
        arrivalRate.set(in.arrivalRate());
        durationSeconds.set(in.durationSeconds());
        List<ProfileWeight> list = new ArrayList<>();
        for (UserProfile profile : p.profiles()) {
            if (profile.fixedCount() == null) {
                ProfileWeight w = new ProfileWeight(profile.name(), profile.weight());
                w.weightProperty().addListener((o, was, now) -> live(h -> h.setProfileWeights(currentWeights())));
                list.add(w);
            }
        }
        profileWeights.setAll(list);
    }

    /**
     * From now on each Start asks {@code chooser} (on the FX thread, when Start is pressed) which starter runs the
     * project, e.g. local or on remote agents. The starter itself is called off the FX thread and may block.
     */
    public void startThrough(Supplier<BiFunction<Project, Path, RunHandle>> chooser) {
        checkThread();
        this.starterChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /** Starts a run of the current project with the inputs put into its plan. Does nothing while a run goes on. */
    public void start() {
        checkThread();
        if (state.get().active()) {
            return;
        }
        refreshFromProject();
        Project p = project.get();
        if (p == null) {
            error.set("There is no project to run.");
            return;
        }
        Project effective = withInputs(p);
        Path directory = folder(projectDirectory.get());
        clearFigures();
        runningPlan = effective.loadPlan();
        stopRequested = false;
        int token = ++generation;
        BiFunction<Project, Path, RunHandle> chosen = starterChooser == null ? starter : starterChooser.get();
        setState(RunState.STARTING, "Starting…");
        tasks.run(() -> chosen.apply(effective, directory), h -> started(token, h), e -> startFailed(token, e));
    }

    /** Stops the run gracefully; a second Stop while stopping cuts the users off at once. */
    public void stop() {
        checkThread();
        if (!state.get().active()) {
            return;
        }
        boolean graceful = state.get() != RunState.STOPPING;
        stopRequested = true;
        setState(RunState.STOPPING, graceful ? "Stopping…" : "Stopping now…");
        RunHandle h = handle;
        if (h != null) {
            tasks.run(() -> h.stop(graceful), this::showError);
        }
    }

    /** Starts the statistics again from zero; the charts keep the history. */
    public void resetStatistics() {
        checkThread();
        live(RunHandle::resetStatistics);
    }

    /**
     * Reads the latest snapshot and updates the figures, if it is new. Called by the view's sampler on the FX thread a
     * few times a second. Never blocks.
     *
     * @return true when new statistics arrived (the charts have new points)
     */
    public boolean sample() {
        checkThread();
        RunHandle h = handle;
        if (h == null) {
            return false;
        }
        RunSnapshot s = h.snapshot();
        long sequence = s.stats() == null ? 0 : s.stats().sequence();
        if (sequence == lastSequence && s.phase() == lastPhase) {
            return false;
        }
        boolean newStats = sequence != lastSequence;
        lastSequence = sequence;
        lastPhase = s.phase();
        show(s, newStats);
        return newStats && s.stats() != null && s.stats().sequence() > 0;
    }

    /** Stops any run at once and releases the background thread; for the app's exit. */
    public void shutdown() {
        checkThread();
        generation++;
        RunHandle h = handle;
        handle = null;
        if (h != null) {
            h.stop(false);
            tasks.run(h::close, e -> {});
        }
        if (debugRun != null) {
            debugRun.shutdown();
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void started(int token, RunHandle h) {
        if (token != generation) {
            tasks.run(h::close, e -> {});
            return;
        }
        handle = h;
        h.completion().whenComplete((r, e) -> tasks.ui().execute(() -> finished(token, h, r, e)));
        if (stopRequested) {
            tasks.run(() -> h.stop(true), this::showError);
        } else {
            setState(RunState.RUNNING, "Running");
        }
        sample();
    }

    private void startFailed(int token, Throwable e) {
        if (token != generation) {
            return;
        }
        setState(RunState.FINISHED, "Could not start");
        error.set("Could not start the run: " + describe(e));
    }

    private void finished(int token, RunHandle h, RunResult r, Throwable e) {
        if (token != generation || handle != h) {
            return;
        }
        sample();
        handle = null;
        if (r != null) {
            result.set(r);
            figures.showResult(r);
            capacity.showResult(r.capacity());
            String why = switch (r.reason()) {
                case StopReason.Completed c -> "plan completed";
                case StopReason.StoppedByUser u -> "stopped";
                case StopReason.ThresholdBroken t -> "threshold broken: " + t.rule();
                case StopReason.Failed f -> "failed: " + f.message();
            };
            setState(RunState.FINISHED, "Finished: " + why);
            save(token, r);
        } else {
            setState(RunState.FINISHED, "Finished with an error");
            error.set("The run ended with an error: " + describe(e));
        }
        tasks.run(h::close, x -> {});
    }

    private void save(int token, RunResult r) {
        Path file = projectFile.get();
        if (file == null) {
            return;
        }
        savedTo.set("Saving the results…");
        tasks.run(
                () -> RunHistory.save(file, r),
                dir -> {
                    if (token == generation) {
                        savedTo.set("Results saved in " + dir);
                    }
                },
                e -> {
                    if (token == generation) {
                        savedTo.set("");
                        error.set("Could not save the results: " + describe(e));
                    }
                });
    }

    /** The folder relative paths resolve against: the project's, or the working folder for an unsaved project. */
    static Path folder(Path directory) {
        return directory != null ? directory : Path.of("").toAbsolutePath();
    }

    private void show(RunSnapshot s, boolean newStats) {
        if (s.phase() == RunPhase.STOPPING && state.get() == RunState.RUNNING) {
            setState(RunState.STOPPING, "Stopping…");
        }
        figures.show(s, newStats, runningPlan, openModel.get());
        capacity.show(s.capacity());
    }

    private void clearFigures() {
        handle = null;
        lastSequence = -1;
        lastPhase = null;
        figures.clear();
        capacity.clear();
        result.set(null);
        error.set("");
        savedTo.set("");
    }

    private Project withInputs(Project p) {
        PlanInputs in =
                new PlanInputs(openModel.get(), users.get(), spawnRate.get(), arrivalRate.get(), durationSeconds.get());
        Map<String, Double> weights = currentWeights();
        List<UserProfile> profiles = p.profiles().stream()
                .map(u -> weights.containsKey(u.name()) ? u.withWeight(weights.get(u.name())) : u)
                .toList();
        return p.withLoadPlan(in.applyTo(p.loadPlan())).withProfiles(profiles);
    }

    private Map<String, Double> currentWeights() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (ProfileWeight w : profileWeights) {
            map.put(w.name(), w.weight());
        }
        return map;
    }

    /** Sends a change to the running run, if there is one; true if it was sent. */
    private boolean live(java.util.function.Consumer<RunHandle> change) {
        checkThread();
        RunHandle h = handle;
        if (h != null && state.get() == RunState.RUNNING && !(runningPlan instanceof LoadPlan.Capacity)) {
            tasks.run(() -> change.accept(h), this::showError);
            return true;
        }
        return false;
    }

    private void showError(Throwable e) {
        error.set(describe(e));
    }

    private void setState(RunState value, String text) {
        state.set(value);
        phaseText.set(text);
        canStart.set(!value.active());
        canStop.set(value.active());
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("RunViewModel is confined to the thread that created it (" + owner.getName()
                    + "), not " + Thread.currentThread().getName());
        }
    }
}
