package dev.throng.app.run;

import dev.throng.engine.stats.FailureStats;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Failures grouped by name, kind and message, with an example each (shown in full as a tooltip). FX thread only. */
final class FailuresTable extends TableView<FailureStats> {

    FailuresTable(RunViewModel vm) {
        setId("failures-table");
        setPlaceholder(new Label("No failures."));
        List<TableColumn<FailureStats, ?>> columns = List.of(
                Columns.number("Count", FailureStats::count, Figures::count, 80),
                Columns.text("Method", FailureStats::method, 70),
                Columns.text("Name", FailureStats::name, 220),
                Columns.text("Kind", FailureStats::kind, 130),
                Columns.text("Message", FailureStats::message, 300),
                Columns.text("Example", FailureStats::example, 300));
        getColumns().setAll(columns);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setItems(vm.failures());
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FailureStats item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(
                        empty || item == null || item.example().isEmpty()
                                ? null
                                : new Tooltip(item.message() + "\n\n" + item.example()));
            }
        });
    }
}
