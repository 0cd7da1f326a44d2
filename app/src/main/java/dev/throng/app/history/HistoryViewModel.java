package dev.throng.app.history;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.history.Limits;
import dev.throng.engine.history.RowDelta;
import dev.throng.engine.history.RunComparison;
import dev.throng.engine.history.RunHistory;
import dev.throng.engine.history.SavedRun;
import dev.throng.engine.report.CsvReport;
import dev.throng.engine.report.HtmlReport;
import dev.throng.engine.report.ResultsJson;
import dev.throng.engine.run.RunResult;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The state of the history view: the project's saved runs (newest first), which of them are selected, the run opened
 * for a read-only dashboard, the comparison of two runs, and report export.
 *
 * <p>Confined to the thread that created it (the FX thread in the app); every public method checks it. Files are read
 * and written through {@link BackgroundTasks}; results come back on the owner thread. A newer command makes the
 * answer of an older one of the same kind be dropped.
 */
public final class HistoryViewModel {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC);

    private final Supplier<Path> projectFile;
    private final BackgroundTasks tasks;
    private final Limits limits;
    private final ThreadOwner owner = new ThreadOwner();

    private final ObservableList<SavedRun> runs = FXCollections.observableArrayList();
    private final ObservableList<SavedRun> selected = FXCollections.observableArrayList();
    private final ObservableList<RowDelta> deltas = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunResult> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(this, "canOpen");
    private final ReadOnlyBooleanWrapper canCompare = new ReadOnlyBooleanWrapper(this, "canCompare");
    private int listToken;
    private int showToken;

    /**
     * @param projectFile the project file whose runs to show; null while the project is unsaved
     * @param tasks where files are read and written
     */
    public HistoryViewModel(Supplier<Path> projectFile, BackgroundTasks tasks) {
        this(projectFile, tasks, Limits.DEFAULT);
    }

    /** As above, with the limits beyond which a change counts as a regression. */
    public HistoryViewModel(Supplier<Path> projectFile, BackgroundTasks tasks, Limits limits) {
        this.projectFile = Objects.requireNonNull(projectFile, "projectFile");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.limits = Objects.requireNonNull(limits, "limits");
        selected.addListener((ListChangeListener<SavedRun>) c -> {
            canOpen.set(selected.size() == 1);
            canCompare.set(selected.size() == 2);
        });
    }

    /** The saved runs, newest first. */
    public ObservableList<SavedRun> runs() {
        return runs;
    }

    /** The runs the person selected (the view keeps it in step with its table). */
    public ObservableList<SavedRun> selected() {
        return selected;
    }

    /** The run shown as a read-only dashboard; null when none (or a comparison is shown). */
    public ReadOnlyObjectProperty<RunResult> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The comparison shown; null when none (or a single run is shown). */
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The comparison's rows, then its total; empty without a comparison. */
    public ObservableList<RowDelta> deltas() {
        return deltas;
    }

    /** What happened last, in words ("3 saved runs", "Report written to …"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last error in words; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether exactly one run is selected (open, export). */
    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }

    /** Whether exactly two runs are selected. */
    public ReadOnlyBooleanProperty canCompareProperty() {
        return canCompare.getReadOnlyProperty();
    }

    /** Reads the list of saved runs again (in the background). */
    public void refresh() {
        owner.check();
        Path file = projectFile.get();
        int token = ++listToken;
        error.set("");
        if (file == null) {
            runs.clear();
            selected.clear();
            message.set("Save the project to keep its runs; they are saved beside the project file.");
            return;
        }
        tasks.run(
                () -> RunHistory.list(file),
                list -> {
                    if (token == listToken) {
                        showList(list, file);
                    }
                },
                e -> {
                    if (token == listToken) {
                        error.set("Could not read the saved runs of " + file + ": " + e.getMessage());
                    }
                });
    }

    private void showList(List<SavedRun> list, Path file) {
        List<Path> keep = selected.stream().map(SavedRun::directory).toList();
        runs.setAll(list);
        selected.setAll(list.stream().filter(r -> keep.contains(r.directory())).toList());
        message.set(
                list.isEmpty()
                        ? "No saved runs yet in "
                                + RunHistory.runsDirectory(file).getFileName()
                                + ". Every finished run of the saved project is kept there."
                        : list.size() + (list.size() == 1 ? " saved run" : " saved runs") + " in "
                                + RunHistory.runsDirectory(file));
    }

    /** Shows the one selected run as a read-only dashboard. */
    public void open() {
        owner.check();
        if (selected.size() != 1) {
            error.set("Select one run to open.");
            return;
        }
        SavedRun run = selected.getFirst();
        int token = ++showToken;
        error.set("");
        tasks.run(
                () -> RunHistory.load(run.directory()),
                r -> {
                    if (token == showToken) {
                        comparison.set(null);
                        deltas.clear();
                        opened.set(r);
                        message.set("Showing the run of " + Columns.time(run.started()));
                    }
                },
                e -> failed(token, e));
    }

    /** Compares the two selected runs: the older one is the baseline ("before"). */
    public void compare() {
        owner.check();
        if (selected.size() != 2) {
            error.set("Select two runs to compare.");
            return;
        }
        List<SavedRun> two = new ArrayList<>(selected);
        two.sort(Comparator.comparing(SavedRun::started));
        SavedRun before = two.get(0);
        SavedRun after = two.get(1);
        int token = ++showToken;
        error.set("");
        tasks.run(
                () -> RunComparison.compare(
                        RunHistory.load(before.directory()), RunHistory.load(after.directory()), limits),
                c -> {
                    if (token == showToken) {
                        opened.set(null);
                        comparison.set(c);
                        List<RowDelta> all = new ArrayList<>(c.rows());
                        all.add(c.total());
                        deltas.setAll(all);
                        int n = c.regressions().size();
                        message.set("Comparing " + Columns.time(before.started()) + " (before) with "
                                + Columns.time(after.started()) + " (after): "
                                + (n == 0 ? "no regression" : n + (n == 1 ? " regression" : " regressions")));
                    }
                },
                e -> failed(token, e));
    }

    /** A file name for the export of the selected run, e.g. "shop-2026-11-29T15-00-00.html". */
    public String suggestedFileName(ReportFormat format) {
        owner.check();
        String base = selected.isEmpty()
                ? "run"
                : safe(selected.getFirst().projectName()) + "-"
                        + FILE_TIME.format(selected.getFirst().started());
        return switch (format) {
            case HTML -> base + ".html";
            case CSV -> base + ".csv";
            case JSON -> base + ".json";
        };
    }

    /**
     * Writes a report of the one selected run to {@code file} (for CSV, the three files beside it named after it), in
     * the background; says where in {@link #messageProperty()}.
     */
    public void export(ReportFormat format, Path file) {
        owner.check();
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(file, "file");
        if (selected.size() != 1) {
            error.set("Select one run to export.");
            return;
        }
        SavedRun run = selected.getFirst();
        error.set("");
        message.set("Writing the report…");
        tasks.run(
                () -> write(RunHistory.load(run.directory()), format, file),
                written -> message.set("Report written to " + written),
                e -> error.set("Could not write the report " + file + ": " + e.getMessage()));
    }

    private static String write(RunResult r, ReportFormat format, Path file) throws java.io.IOException {
        switch (format) {
            case HTML -> HtmlReport.write(r, file);
            case JSON -> ResultsJson.write(r, file);
            case CSV -> {
                String name = file.getFileName().toString();
                Path prefix = name.endsWith(".csv") ? file.resolveSibling(name.substring(0, name.length() - 4)) : file;
                return String.join(
                        ", ",
                        CsvReport.write(r, prefix).stream().map(Path::toString).toList());
            }
        }
        return file.toString();
    }

    private void failed(int token, Exception e) {
        if (token == showToken) {
            error.set("Could not read the saved run: " + e.getMessage());
        }
    }

    private static String safe(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isBlank() ? "run" : s;
    }
}
