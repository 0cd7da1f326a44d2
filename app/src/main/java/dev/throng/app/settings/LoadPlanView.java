package dev.throng.app.settings;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.LongStringConverter;

/**
 * The load-plan editor: the plan kind (closed, open, capacity search), the stages table or the capacity search's
 * fields, and a chartfx preview of users or arrivals over time with, for a search, a line saying how long it may take
 * and what it is judged by. FX thread.
 */
public final class LoadPlanView extends BorderPane {
    private final LoadPlanViewModel vm;
    private final DoubleDataSet curve = new DoubleDataSet("plan");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("planned", "users");
    private final Label error = new Label();
    private final CapacityForm capacityForm;

    public LoadPlanView(LoadPlanViewModel vm) {
        this.vm = vm;
        setId("load-plan");
        var group = new ToggleGroup();
        var kinds = new HBox(16);
        for (PlanKind k : PlanKind.values()) {
            var button = new RadioButton(k.label());
            button.setId("kind-" + k.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(k);
            button.setToggleGroup(group);
            button.setSelected(vm.kindProperty().get() == k);
            button.setOnAction(e -> vm.setKind(k));
            kinds.getChildren().add(button);
        }
        vm.kindProperty()
                .addListener((o, a, b) -> group.getToggles().stream()
                        .filter(t -> t.getUserData() == b)
                        .forEach(t -> t.setSelected(true)));
        var summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        var top = new VBox(6, kinds, summary);
        top.setPadding(new Insets(8));
        setTop(top);

        var table = new TableView<LoadPlanViewModel.StageRow>(vm.stages());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var seconds = new TableColumn<LoadPlanViewModel.StageRow, Long>("Duration (s)");
        seconds.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().seconds()));
        seconds.setCellFactory(TextFieldTableCell.forTableColumn(new LongStringConverter()));
        seconds.setOnEditCommit(e -> replace(
                e.getTablePosition().getRow(),
                new LoadPlanViewModel.StageRow(
                        e.getNewValue() == null ? 0 : e.getNewValue(),
                        e.getRowValue().target(),
                        e.getRowValue().rate())));
        var target = new TableColumn<LoadPlanViewModel.StageRow, Double>();
        target.textProperty()
                .bind(javafx.beans.binding.Bindings.when(vm.openProperty())
                        .then("Target (arrivals/s)")
                        .otherwise("Target (users)"));
        target.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().target()));
        target.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        target.setOnEditCommit(e -> replace(
                e.getTablePosition().getRow(),
                new LoadPlanViewModel.StageRow(
                        e.getRowValue().seconds(),
                        e.getNewValue() == null ? -1 : e.getNewValue(),
                        e.getRowValue().rate())));
        var rate = new TableColumn<LoadPlanViewModel.StageRow, Double>("Rate (users/s)");
        rate.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().rate()));
        rate.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        rate.setOnEditCommit(e -> replace(
                e.getTablePosition().getRow(),
                new LoadPlanViewModel.StageRow(
                        e.getRowValue().seconds(), e.getRowValue().target(), e.getNewValue())));
        rate.visibleProperty().bind(vm.openProperty().not());
        table.getColumns().add(seconds);
        table.getColumns().add(target);
        table.getColumns().add(rate);
        table.setPlaceholder(new Label(
                "No stages: the plan ramps up and holds (edit users, rate and duration in the" + " properties)"));
        var add = new Button("Add stage");
        add.setId("add-stage");
        add.setOnAction(e -> vm.addStage());
        var remove = new Button("Remove stage");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeStage(table.getSelectionModel().getSelectedIndex()));
        error.getStyleClass().add("message");
        error.setId("plan-error");
        var stagesPane = new BorderPane(table);
        stagesPane.setBottom(new HBox(6, add, remove));
        capacityForm = new CapacityForm(vm, error);
        var left = new BorderPane();
        Runnable showKind = () -> {
            left.setCenter(vm.kindProperty().get() == PlanKind.CAPACITY ? capacityForm : stagesPane);
            error.setText("");
        };
        showKind.run();
        vm.kindProperty().addListener((o, a, b) -> showKind.run());
        left.setBottom(error);

        var xAxis = new DefaultNumericAxis("time", "s");
        xAxis.setSide(Side.BOTTOM);
        yAxis.setSide(Side.LEFT);
        yAxis.setForceZeroInRange(true);
        var chart = new XYChart(xAxis, yAxis);
        chart.setTitle("Plan preview");
        chart.setLegendVisible(false);
        chart.getDatasets().add(curve);
        chart.getRenderers().stream()
                .filter(r -> r instanceof io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer)
                .forEach(r -> ((io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer) r).setDrawMarker(false));
        fill();
        vm.points().addListener((ListChangeListener<LoadPlanViewModel.Point>) c -> fill());
        var line = new Label();
        line.setId("capacity-line");
        line.setWrapText(true);
        line.textProperty().bind(vm.capacityLineProperty());
        line.visibleProperty().bind(vm.capacityLineProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        line.styleProperty()
                .bind(javafx.beans.binding.Bindings.when(vm.objectiveMissingProperty())
                        .then("-fx-text-fill: #8a5a00; -fx-font-weight: bold;")
                        .otherwise(""));
        var right = new BorderPane(chart);
        right.setBottom(line);
        BorderPane.setMargin(line, new Insets(4, 8, 8, 8));
        vm.unitProperty().addListener((o, a, b) -> yAxis.setUnit(b));
        var split = new SplitPane(left, right);
        split.setDividerPositions(0.4);
        setCenter(split);
    }

    private void replace(int row, LoadPlanViewModel.StageRow value) {
        var rows = new ArrayList<>(vm.stages());
        rows.set(row, value);
        String problem = vm.setStages(rows);
        error.setText(problem == null ? "" : problem);
    }

    private void fill() {
        var points = vm.points();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).seconds();
            y[i] = points.get(i).value();
        }
        yAxis.setUnit(vm.unitProperty().get());
        curve.set(x, y);
    }
}
