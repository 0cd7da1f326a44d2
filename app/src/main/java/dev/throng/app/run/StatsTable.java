package dev.throng.app.run;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The statistics table: one row per request name since the start (or the last reset), sortable by any column, with
 * a filter and a line for all requests together. FX thread only.
 */
final class StatsTable extends VBox {
    private final TableView<StatsRow> table = new TableView<>();
    private String selectedLabel;
    private boolean refreshing;

    StatsTable(RunViewModel vm) {
        super(4);
        getStyleClass().add("stats-table");
        TextField filter = new TextField();
        filter.setId("stats-filter");
        filter.setPromptText("Filter by name or method");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label note = new Label();
        note.getStyleClass().add("run-hint");
        note.textProperty().bind(vm.rowsNoteProperty());
        Label total = new Label();
        total.setId("stats-total");
        total.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> totalText(vm.totalProperty().get()), vm.totalProperty()));
        HBox top = new HBox(8, filter, note);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.NEVER);
        filter.setPrefColumnCount(24);

        table.setId("stats-table");
        table.setPlaceholder(new Label("No requests yet. Press Start."));
        List<TableColumn<StatsRow, ?>> columns = List.of(
                Columns.text("Name", StatsRow::name, 280),
                Columns.text("Method", StatsRow::method, 70),
                Columns.number("Requests", StatsRow::requests, Figures::count, 90),
                Columns.number("Failures", StatsRow::failures, Figures::count, 80),
                Columns.number("Median ms", StatsRow::p50Ms, Figures::millis, 85),
                Columns.number("p95 ms", StatsRow::p95Ms, Figures::millis, 75),
                Columns.number("p99 ms", StatsRow::p99Ms, Figures::millis, 75),
                Columns.number("Max ms", StatsRow::maxMs, Figures::millis, 75),
                Columns.number("Req/s", StatsRow::rps, Figures::rate, 70));
        table.getColumns().setAll(columns);
        // The name column takes the width the figures leave.
        TableColumn<StatsRow, ?> name = columns.getFirst();
        double figures =
                columns.stream().skip(1).mapToDouble(TableColumn::getPrefWidth).sum();
        name.prefWidthProperty()
                .bind(javafx.beans.binding.Bindings.max(
                        200, table.widthProperty().subtract(figures + 20)));
        // Keep the selected name selected across refreshes: listeners run in the order they were added, so the
        // first sees the refresh begin (before the sorted list clears the selection) and the last restores it.
        vm.rows().addListener((ListChangeListener<StatsRow>) c -> refreshing = true);
        SortedList<StatsRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                selectedLabel = now == null ? null : now.label();
            }
        });
        vm.rows().addListener((ListChangeListener<StatsRow>) c -> {
            if (selectedLabel != null) {
                for (int i = 0; i < sorted.size(); i++) {
                    if (sorted.get(i).label().equals(selectedLabel)) {
                        table.getSelectionModel().select(i);
                        break;
                    }
                }
            }
            refreshing = false;
        });
        getChildren().addAll(top, table, total);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    TableView<StatsRow> table() {
        return table;
    }

    private static String totalText(StatsRow t) {
        if (t == null) {
            return "";
        }
        return "All requests: " + Figures.count(t.requests()) + " · " + Figures.count(t.failures()) + " failed ("
                + Figures.percent(t.errorRate()) + ") · median " + Figures.millis(t.p50Ms()) + " ms · p95 "
                + Figures.millis(t.p95Ms()) + " ms · p99 " + Figures.millis(t.p99Ms()) + " ms · max "
                + Figures.millis(t.maxMs()) + " ms · " + Figures.rate(t.rps()) + " req/s now";
    }
}
