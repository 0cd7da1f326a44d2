package dev.throng.app.run;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * A capacity search on the dashboard: the chart against load on the left; on the right the result card (once the
 * search has ended), the objective, where the search is, and the table of steps (step, load, req/s, p95, errors,
 * verdict, broken rule).
 *
 * <p>Confined to the FX thread. The chart is filled by {@link #update}, from the sampler.
 */
final class CapacityPanel extends SplitPane {
    private final CapacityViewModel vm;
    private final CapacityChart chart = new CapacityChart();

    CapacityPanel(CapacityViewModel vm) {
        this.vm = vm;
        setId("capacity-panel");
        getStyleClass().add("capacity-panel");
        setOrientation(Orientation.HORIZONTAL);

        var headline = label("capacity-headline", "capacity-headline", vm.headlineProperty());
        var broke = label("capacity-broke-first", "capacity-line", vm.brokeFirstProperty());
        var degraded = label("capacity-degraded", "capacity-line", vm.degradedProperty());
        var bound = label("capacity-upper-bound", "capacity-line", vm.upperBoundProperty());
        var card = new VBox(4, headline, broke, degraded, bound);
        card.setId("capacity-card");
        card.getStyleClass().add("capacity-card");
        card.visibleProperty().bind(vm.finishedProperty());
        card.managedProperty().bind(card.visibleProperty());

        var objective = new Label();
        objective.setId("capacity-objective");
        objective.getStyleClass().add("run-hint");
        objective.setWrapText(true);
        objective.textProperty().bind(Bindings.concat("Objective: ", vm.objectiveProperty()));
        var status = label("capacity-status", "run-hint", vm.statusProperty());

        var right = new BorderPane(table());
        var head = new VBox(6, card, objective, status);
        head.setPadding(new Insets(0, 0, 6, 0));
        right.setTop(head);
        right.setPadding(new Insets(4));
        getItems().addAll(chart.node(), right);
        setDividerPositions(0.55);
    }

    private static Label label(String id, String style, javafx.beans.value.ObservableStringValue text) {
        var l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private TableView<CapacityViewModel.StepPoint> table() {
        var table = new TableView<>(vm.steps());
        table.setId("capacity-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("The first step is being held."));
        table.getColumns().add(column("Step", 50, p -> p.index() + (p.narrowing() ? " ↔" : "")));
        var load = column("Load", 100, p -> ObjectiveText.load(p.load()));
        load.textProperty().bind(Bindings.concat("Load (", vm.unitProperty(), ")"));
        table.getColumns().add(load);
        table.getColumns().add(column("req/s", 60, p -> Figures.rate(p.requestsPerSecond())));
        table.getColumns().add(column("p95 ms", 60, p -> Figures.millis(p.p95Millis())));
        table.getColumns().add(column("Errors", 60, p -> Figures.percent(p.errorPercent() / 100)));
        table.getColumns().add(column("Verdict", 70, p -> switch (p.verdict()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case RUNNING -> "holding…";
        }));
        table.getColumns().add(column("Broken rule", 140, p -> String.join(", ", p.brokenRules())));
        for (int i = 0; i < 5; i++) {
            table.getColumns().get(i).getStyleClass().add("number-column");
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CapacityViewModel.StepPoint item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("capacity-passed", "capacity-failed", "capacity-running");
                if (!empty && item != null) {
                    getStyleClass()
                            .add(
                                    switch (item.verdict()) {
                                        case PASSED -> "capacity-passed";
                                        case FAILED -> "capacity-failed";
                                        case RUNNING -> "capacity-running";
                                    });
                }
            }
        });
        return table;
    }

    private static TableColumn<CapacityViewModel.StepPoint, String> column(
            String title, double width, java.util.function.Function<CapacityViewModel.StepPoint, String> text) {
        var c = new TableColumn<CapacityViewModel.StepPoint, String>(title);
        c.setCellValueFactory(f -> new SimpleStringProperty(text.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The chart (for tests). */
    CapacityChart chart() {
        return chart;
    }

    /** Fills the chart from the view-model; called from the sampler tick. */
    void update() {
        chart.update(vm);
    }
}
