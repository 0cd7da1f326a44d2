package dev.throng.app.designer;

import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.converter.DoubleStringConverter;

/** The flow as a table of tasks with their weight from START (editable). FX thread only. */
public final class TaskListView extends BorderPane {
    private final TableView<TaskListViewModel.Task> table = new TableView<>();
    private final Label error = new Label();

    public TaskListView(TaskListViewModel vm) {
        setId("task-list");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var task = new TableColumn<TaskListViewModel.Task, String>("Task");
        task.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().label()));
        var id = new TableColumn<TaskListViewModel.Task, String>("Step");
        id.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().stepId()));
        var weight = new TableColumn<TaskListViewModel.Task, Double>("Weight from START");
        weight.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().weight()));
        weight.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        weight.setOnEditCommit(e -> {
            String problem = e.getNewValue() == null
                    ? "a weight is a number of 0 or more"
                    : vm.setWeight(e.getRowValue().stepId(), e.getNewValue());
            error.setText(problem == null ? "" : problem);
            table.refresh();
        });
        var chance = new TableColumn<TaskListViewModel.Task, String>("Picked first");
        chance.setCellValueFactory(c -> new SimpleStringProperty(
                String.format(Locale.ROOT, "%.1f%%", c.getValue().probability() * 100)));
        var share = new TableColumn<TaskListViewModel.Task, String>("Share of visits");
        share.setCellValueFactory(c -> new SimpleStringProperty(
                String.format(Locale.ROOT, "%.1f%%", c.getValue().share() * 100)));
        table.getColumns().add(task);
        table.getColumns().add(id);
        table.getColumns().add(weight);
        table.getColumns().add(chance);
        table.getColumns().add(share);
        table.setItems(vm.tasks());
        var add = new Button("Add task");
        add.setOnAction(e -> vm.addTask());
        error.getStyleClass().add("message");
        setCenter(table);
        setBottom(new HBox(8, add, error));
    }
}
