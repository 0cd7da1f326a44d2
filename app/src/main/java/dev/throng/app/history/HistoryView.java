package dev.throng.app.history;

import dev.throng.app.fx.FxThread;
import dev.throng.app.run.RunResultView;
import dev.throng.engine.history.RowDelta;
import dev.throng.engine.history.RunComparison;
import dev.throng.engine.history.SavedRun;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.stats.RowStats;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The history of the project's runs: the list of saved runs on top; below it the opened run's read-only dashboard,
 * or the comparison of two runs (both runs' requests/s and p95 over time, and the per-name deltas with regressions
 * marked). Export buttons ask for a file and hand its path to the view-model.
 *
 * <p>Confined to the FX thread. The main window calls {@link #setActive} when the view is shown (it reads the list
 * again then).
 */
public final class HistoryView extends BorderPane {
    private static final PseudoClass REGRESSION = PseudoClass.getPseudoClass("regression");

    private final HistoryViewModel vm;
    private final TableView<SavedRun> runs = new TableView<>();
    private final TableView<RowDelta> deltas = new TableView<>();
    private final ComparisonCharts charts = new ComparisonCharts();
    private final StackPane detail = new StackPane();
    private final Timeline filler;
    private boolean active;

    public HistoryView(HistoryViewModel vm) {
        FxThread.check();
        this.vm = vm;
        setId("history-view");
        var css = HistoryView.class.getResource("history.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setTop(toolbar());
        buildRunsTable();
        buildDeltasTable();
        Label none = new Label("Select a run and press Open, or select two runs and press Compare.");
        none.getStyleClass().add("history-hint");
        detail.getChildren().setAll(none);
        SplitPane split = new SplitPane(runs, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.28);
        setCenter(split);
        filler = new Timeline(new KeyFrame(Duration.millis(100), e -> charts.fill()));
        vm.openedProperty().addListener((o, was, now) -> showOpened(now));
        vm.comparisonProperty().addListener((o, was, now) -> showComparison(now));
    }

    /** Shown (true) or hidden (false); showing reads the list of saved runs again. */
    public void setActive(boolean value) {
        FxThread.check();
        if (value && !active) {
            vm.refresh();
        }
        active = value;
    }

    /** Whether the view is shown. */
    public boolean isActive() {
        return active;
    }

    /** The runs table (for tests). */
    TableView<SavedRun> runsTable() {
        return runs;
    }

    /** The deltas table (for tests). */
    TableView<RowDelta> deltasTable() {
        return deltas;
    }

    /** Points drawn for the "after" run (for tests). */
    int comparisonPoints() {
        return charts.pointsAfter();
    }

    private Node toolbar() {
        Button refresh = button("Refresh", "history-refresh", vm::refresh);
        Button open = button("Open", "history-open", vm::open);
        open.disableProperty().bind(vm.canOpenProperty().not());
        Button compare = button("Compare", "history-compare", vm::compare);
        compare.disableProperty().bind(vm.canCompareProperty().not());
        HBox buttons = new HBox(6, refresh, open, compare, new Label("  Export:"));
        for (ReportFormat f : ReportFormat.values()) {
            Button b = button(
                    f.name() + "…", "history-export-" + f.name().toLowerCase(java.util.Locale.ROOT), () -> export(f));
            b.disableProperty().bind(vm.canOpenProperty().not());
            buttons.getChildren().add(b);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("history-message");
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.setId("history-error");
        error.getStyleClass().add("history-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        VBox top = new VBox(4, buttons, message, error);
        top.setPadding(new Insets(8));
        return top;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    private void export(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + format.description());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(), format.pattern()));
        chooser.setInitialFileName(vm.suggestedFileName(format));
        File file =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(format, file.toPath());
        }
    }

    private void buildRunsTable() {
        runs.setId("history-runs");
        runs.setPlaceholder(new Label("No saved runs."));
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns()
                .setAll(List.of(
                        column("Started", r -> Columns.time(r.started()), 170),
                        column("Duration", r -> Columns.duration(r.durationMillis()), 80),
                        column("Requests", r -> String.format("%,d", r.requests()), 100),
                        column("Failures", r -> String.format("%,d", r.failures()), 90),
                        column("Thresholds", r -> r.passed() ? "passed" : "FAILED", 90),
                        column("Folder", r -> folderName(r.directory()), 240)));
        runs.setItems(vm.runs());
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SavedRun>)
                c -> vm.selected().setAll(List.copyOf(runs.getSelectionModel().getSelectedItems())));
        runs.setRowFactory(t -> {
            TableRow<SavedRun> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open();
                }
            });
            return row;
        });
    }

    private static String folderName(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    private void buildDeltasTable() {
        deltas.setId("history-deltas");
        deltas.setPlaceholder(new Label("No rows."));
        TableColumn<RowDelta, String> name = column("Name", RowDelta::label, 180);
        deltas.getColumns()
                .setAll(List.of(
                        name,
                        metric("Req/s", RowStats::rps, Columns::rate, RowDelta::rpsChange, Columns::change),
                        metric(
                                "p50 ms",
                                s -> s.latency().p50Ms(),
                                Columns::millis,
                                RowDelta::p50Change,
                                Columns::change),
                        metric(
                                "p95 ms",
                                s -> s.latency().p95Ms(),
                                Columns::millis,
                                RowDelta::p95Change,
                                Columns::change),
                        metric(
                                "p99 ms",
                                s -> s.latency().p99Ms(),
                                Columns::millis,
                                RowDelta::p99Change,
                                Columns::change),
                        metric(
                                "Errors",
                                RowStats::errorRate,
                                Columns::percent,
                                RowDelta::errorRateChange,
                                Columns::points),
                        column("Regressions", d -> String.join(", ", d.regressions()), 220)));
        deltas.setItems(vm.deltas());
        deltas.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        deltas.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RowDelta item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(REGRESSION, !empty && item != null && item.isRegression());
            }
        });
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** "before → after (change)" for one figure of a row. */
    private static TableColumn<RowDelta, String> metric(
            String title,
            ToDoubleFunction<RowStats> value,
            java.util.function.DoubleFunction<String> format,
            ToDoubleFunction<RowDelta> change,
            java.util.function.DoubleFunction<String> changeFormat) {
        return column(
                title,
                d -> side(d.before(), value, format) + " → " + side(d.after(), value, format) + "  ("
                        + changeFormat.apply(change.applyAsDouble(d)) + ")",
                160);
    }

    private static String side(
            RowStats s, ToDoubleFunction<RowStats> value, java.util.function.DoubleFunction<String> f) {
        return s == null ? "–" : f.apply(value.applyAsDouble(s));
    }

    private void showOpened(RunResult r) {
        if (r != null) {
            detail.getChildren().setAll(new RunResultView(r));
        }
    }

    private void showComparison(RunComparison c) {
        if (c == null) {
            return;
        }
        charts.show(c.before(), c.after());
        SplitPane split = new SplitPane(charts, deltas);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        split.setId("history-comparison");
        VBox.setVgrow(split, Priority.ALWAYS);
        detail.getChildren().setAll(split);
        filler.playFromStart();
    }
}
