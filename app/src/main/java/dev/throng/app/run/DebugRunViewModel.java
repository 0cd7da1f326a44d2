package dev.throng.app.run;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.Runs;
import dev.throng.engine.user.Exchange;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The single-user debug run: one user of a chosen profile runs its start flow and a few iterations of its main flow
 * alone, without statistics; every request and response is kept for the inspector.
 *
 * <p>Confined to the thread that created it (the FX thread in the app). The run itself happens on the background
 * thread of {@link BackgroundTasks}; its result comes back to the owner thread.
 */
public final class DebugRunViewModel {
    /** Runs one user; blocks the calling (background) thread until done. */
    @FunctionalInterface
    interface Debugger {
        List<Exchange> run(Project project, String profile, int iterations, Path projectDirectory)
                throws InterruptedException;
    }

    private final Supplier<Project> project;
    private final Supplier<Path> projectDirectory;
    private final Debugger debugger;
    private final BackgroundTasks tasks;
    private final Thread owner = Thread.currentThread();

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 1);
    private final ObservableList<Exchange> exchanges = FXCollections.observableArrayList();
    private final ObservableList<Exchange> exchangesView = FXCollections.unmodifiableObservableList(exchanges);
    private final ObjectProperty<Exchange> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int generation;

    /** A debug run with the engine's {@code Runs.debugRun}, on its own background thread. */
    public DebugRunViewModel(Supplier<Project> project, Supplier<Path> projectDirectory) {
        this(
                project,
                projectDirectory,
                (p, name, n, dir) -> Runs.debugRun(p, name, n, RunOptions.of(dir)),
                BackgroundTasks.fx());
    }

    DebugRunViewModel(
            Supplier<Project> project, Supplier<Path> projectDirectory, Debugger debugger, BackgroundTasks tasks) {
        this.project = Objects.requireNonNull(project);
        this.projectDirectory = Objects.requireNonNull(projectDirectory);
        this.debugger = Objects.requireNonNull(debugger);
        this.tasks = Objects.requireNonNull(tasks).inOrder();
    }

    /** The profile names of the project. */
    public ObservableList<String> profiles() {
        return profiles;
    }

    /** The profile to run. */
    public StringProperty profileProperty() {
        return profile;
    }

    /** Iterations of the main flow (after the start flow), at least 1. */
    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    /** Every request of the last debug run, in order. */
    public ObservableList<Exchange> exchanges() {
        return exchangesView;
    }

    /** The exchange shown in the inspector. */
    public ObjectProperty<Exchange> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What happened, in words: "12 requests, 1 failed", or why the run could not start. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads the project's profile names (keeping the chosen one when it still exists). */
    public void refreshFromProject() {
        checkThread();
        Project p = project.get();
        List<String> names = p == null
                ? List.of()
                : p.profiles().stream().map(UserProfile::name).toList();
        if (!profiles.equals(names)) {
            profiles.setAll(names);
        }
        if (profile.get() == null || !names.contains(profile.get())) {
            profile.set(names.isEmpty() ? null : names.getFirst());
        }
    }

    /** Runs one user of the chosen profile; does nothing while a debug run goes on. */
    public void run() {
        checkThread();
        if (running.get()) {
            return;
        }
        refreshFromProject();
        Project p = project.get();
        String name = profile.get();
        if (p == null || name == null) {
            status.set("The project has no user profile to run.");
            return;
        }
        int n = Math.max(1, iterations.get());
        Path dir = RunViewModel.folder(projectDirectory.get());
        int token = ++generation;
        running.set(true);
        exchanges.clear();
        selected.set(null);
        status.set("Running one '" + name + "' user for " + n + (n == 1 ? " iteration…" : " iterations…"));
        tasks.run(() -> debugger.run(p, name, n, dir), list -> done(token, list), e -> failed(token, e));
    }

    private void done(int token, List<Exchange> list) {
        if (token != generation) {
            return;
        }
        running.set(false);
        exchanges.setAll(list);
        long failed = list.stream().filter(Exchange::failed).count();
        status.set(list.size() + (list.size() == 1 ? " request, " : " requests, ") + failed + " failed.");
        if (!list.isEmpty()) {
            selected.set(list.stream().filter(Exchange::failed).findFirst().orElse(list.getFirst()));
        }
    }

    private void failed(int token, Throwable e) {
        if (token != generation) {
            return;
        }
        running.set(false);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        status.set("The debug run could not run: " + message);
    }

    /** Forgets a debug run in progress (its result is dropped) and ends the background thread. */
    public void shutdown() {
        checkThread();
        generation++;
        running.set(false);
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("DebugRunViewModel is confined to the thread that created it ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
    }
}
