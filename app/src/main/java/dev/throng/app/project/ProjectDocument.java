package dev.throng.app.project;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.service.ProjectFiles;
import dev.throng.engine.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project: its current value, its file, whether it has unsaved changes, and undo/redo of whole project
 * values (every edit makes a new {@link Project}). Also New/Open/Save/Save As, recent files, the unsaved-changes
 * prompt and crash recovery (the project is written to a recovery file every few seconds while it has unsaved
 * changes; opening a file whose recovery file is newer offers to restore it).
 *
 * <p>Confined to the thread that made it (the FX thread in the app). Blocking work goes through
 * {@link BackgroundTasks}; its callbacks come back on that thread.
 */
public final class ProjectDocument {
    public static final int MAX_UNDO = 200;
    private static final String UNTITLED = "untitled";

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectFiles files;
    private final BackgroundTasks tasks;
    private final RecentFiles recent;
    private final Path userDir;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final Deque<Project> undo = new ArrayDeque<>();
    private final Deque<Project> redo = new ArrayDeque<>();
    private Project saved;
    private Project autosaved;
    private DocumentPrompts prompts;
    private AutoCloseable autosave;
    private Path untitledDirectory = Path.of("").toAbsolutePath();

    public ProjectDocument(ProjectFiles files, BackgroundTasks tasks, Path userDir) {
        this.files = Objects.requireNonNull(files, "files");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.userDir = Objects.requireNonNull(userDir, "userDir");
        this.recent = new RecentFiles(userDir.resolve("recent-files.txt"));
        title.bind(Bindings.createStringBinding(this::titleText, project, file, dirty));
        reset(Project.empty("New project"), null);
        tasks.run(recent::load, recentFiles::setAll, e -> {});
    }

    /** Who answers questions; must be set before New/Open/Save/close are used. */
    public void setPrompts(DocumentPrompts value) {
        owner.check();
        prompts = value;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    /** The file, or {@code null} while untitled. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "name — file ●": the project name, the file name (or "untitled"), a dot while there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last thing that happened to the file ("Saved shop.throng.json"), for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Recently opened files, newest first (read-only). */
    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    /**
     * The folder relative paths resolve against: the file's folder, or while untitled the folder given to
     * {@link #openUntitled(Project, Path)} (the working directory by default).
     */
    public Path directory() {
        Path f = file.get();
        Path parent = f == null ? null : f.toAbsolutePath().getParent();
        return parent != null ? parent : untitledDirectory;
    }

    private String titleText() {
        Project p = project.get();
        Path f = file.get();
        String name = p == null ? "" : p.name();
        String where = f == null || f.getFileName() == null
                ? UNTITLED
                : f.getFileName().toString();
        return name + " — " + where + (dirty.get() ? " ●" : "");
    }

    // ---- edits

    /** Replaces the project with {@code edit(project)} as one undoable step; no-op when the value is unchanged. */
    public void edit(UnaryOperator<Project> edit) {
        apply(edit.apply(project.get()));
    }

    /** Replaces the project with {@code next} as one undoable step; no-op when equal to the current value. */
    public void apply(Project next) {
        owner.check();
        Objects.requireNonNull(next, "next");
        if (next.equals(project.get())) {
            return;
        }
        undo.push(project.get());
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        setProject(next);
    }

    public void undo() {
        owner.check();
        if (!undo.isEmpty()) {
            redo.push(project.get());
            setProject(undo.pop());
        }
    }

    public void redo() {
        owner.check();
        if (!redo.isEmpty()) {
            undo.push(project.get());
            setProject(redo.pop());
        }
    }

    private void setProject(Project next) {
        project.set(next);
        dirty.set(!next.equals(saved));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** Shows {@code value} from {@code where} (null: untitled) with no history and no unsaved changes. */
    private void reset(Project value, Path where) {
        undo.clear();
        redo.clear();
        saved = value;
        autosaved = value;
        file.set(where);
        setProject(value);
    }

    // ---- files

    /**
     * Shows {@code value} as an untitled project (e.g. the sample). When an untitled recovery file exists, offers to
     * restore it instead.
     */
    public void openUntitled(Project value) {
        openUntitled(value, Path.of("").toAbsolutePath());
    }

    /** {@link #openUntitled(Project)} whose relative paths (data files) resolve against {@code directory}. */
    public void openUntitled(Project value, Path directory) {
        owner.check();
        untitledDirectory = directory.toAbsolutePath();
        reset(value, null);
        Path recovery = recoveryFile(null);
        tasks.run(
                () -> Files.isRegularFile(recovery) ? files.read(recovery).project() : null,
                recovered -> {
                    if (recovered != null && prompts != null && prompts.restoreRecovery(null)) {
                        apply(recovered);
                    }
                },
                e -> {});
    }

    /** After asking about unsaved changes, starts an empty untitled project. */
    public void newProject() {
        whenChangesHandled(() -> reset(Project.empty("New project"), null));
    }

    /** After asking about unsaved changes, opens {@code path}; reading happens in the background. */
    public void open(Path path) {
        whenChangesHandled(() -> load(path));
    }

    private record Opened(Project project, Project recovered, List<String> problems) {}

    private void load(Path path) {
        Path recovery = recoveryFile(path);
        tasks.run(
                () -> {
                    var loaded = files.read(path);
                    Project recovered = null;
                    if (Files.isRegularFile(recovery)
                            && Files.getLastModifiedTime(recovery).compareTo(Files.getLastModifiedTime(path)) > 0) {
                        recovered = files.read(recovery).project();
                    }
                    var problems = loaded.issues().stream()
                            .filter(i -> i.error())
                            .map(i -> i.text())
                            .toList();
                    return new Opened(loaded.project(), recovered, problems);
                },
                opened -> {
                    if (opened.project() == null) {
                        prompts.error(path + " could not be opened:\n" + String.join("\n", opened.problems()));
                        return;
                    }
                    reset(opened.project(), path);
                    rememberRecent(path);
                    status.set("Opened " + path.getFileName());
                    if (opened.recovered() != null
                            && !opened.recovered().equals(opened.project())
                            && prompts.restoreRecovery(path)) {
                        apply(opened.recovered());
                    }
                },
                e -> prompts.error(path + " could not be opened: " + e.getMessage()));
    }

    /** Saves to the current file, or asks where first. {@code then} runs once saved. */
    public void save(Runnable then) {
        owner.check();
        Path f = file.get();
        if (f == null) {
            saveAs(then);
        } else {
            saveTo(f, then);
        }
    }

    /** Asks where, then saves there. {@code then} runs once saved. */
    public void saveAs(Runnable then) {
        owner.check();
        Path target = prompts.chooseSaveFile(suggestedFileName());
        if (target != null) {
            saveTo(target, then);
        }
    }

    /** Saves to {@code target} (atomically), which becomes the document's file. */
    public void saveTo(Path target, Runnable then) {
        owner.check();
        Project value = project.get();
        Path oldRecovery = recoveryFile(file.get());
        Path newRecovery = recoveryFile(target);
        tasks.run(
                () -> {
                    files.save(value, target);
                    Files.deleteIfExists(oldRecovery);
                    Files.deleteIfExists(newRecovery);
                    return target;
                },
                done -> {
                    saved = value;
                    autosaved = value;
                    file.set(target);
                    dirty.set(!project.get().equals(saved));
                    rememberRecent(target);
                    status.set("Saved " + target.getFileName());
                    then.run();
                },
                e -> prompts.error(target + " could not be saved: " + e.getMessage()));
    }

    String suggestedFileName() {
        String slug =
                project.get().name().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "project" : slug) + ".throng.json";
    }

    /**
     * Runs {@code proceed} once unsaved changes are dealt with: at once when there are none; after saving, or at once
     * when the person discards them; never when they cancel.
     */
    public void whenChangesHandled(Runnable proceed) {
        owner.check();
        if (!dirty.get()) {
            proceed.run();
            return;
        }
        switch (prompts.unsavedChanges(project.get().name())) {
            case SAVE -> save(proceed);
            case DISCARD -> {
                discardRecovery();
                proceed.run();
            }
            case CANCEL -> {}
        }
    }

    private void rememberRecent(Path path) {
        var next = RecentFiles.push(recentFiles, path);
        recentFiles.setAll(next);
        tasks.run(
                () -> {
                    recent.store(next);
                    return next;
                },
                ok -> {},
                e -> {});
    }

    // ---- recovery

    /** Where unsaved changes of {@code f} are kept: {@code <file>.recovery.json}, or under the user folder. */
    public Path recoveryFile(Path f) {
        if (f == null || f.getFileName() == null) {
            return userDir.resolve("recovery").resolve("untitled.recovery.json");
        }
        return f.resolveSibling(f.getFileName() + ".recovery.json");
    }

    /** Writes the project to its recovery file every {@code period} while there are unsaved changes. */
    public void startAutosave(Duration period) {
        owner.check();
        stopAutosave();
        autosave = tasks.every(period, this::autosaveNow);
    }

    public void stopAutosave() {
        if (autosave != null) {
            try {
                autosave.close();
            } catch (Exception e) {
                // nothing to release
            }
            autosave = null;
        }
    }

    /** Writes the recovery file now if there are unsaved changes not written yet. */
    public void autosaveNow() {
        owner.check();
        Project value = project.get();
        if (!dirty.get() || value.equals(autosaved)) {
            return;
        }
        Path target = recoveryFile(file.get());
        tasks.run(
                () -> {
                    String text = files.write(value);
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                    Files.writeString(tmp, text);
                    Files.move(
                            tmp,
                            target,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    return value;
                },
                written -> autosaved = written,
                e -> status.set("Recovery copy not written: " + e.getMessage()));
    }

    /** Deletes the recovery file (the changes were saved or deliberately discarded). */
    public void discardRecovery() {
        Path target = recoveryFile(file.get());
        tasks.run(
                () -> {
                    deleteQuietly(target);
                    return target;
                },
                ok -> {},
                e -> {});
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a stale recovery file only causes a question on next open
        }
    }
}
