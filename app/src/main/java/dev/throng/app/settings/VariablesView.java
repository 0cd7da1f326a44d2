package dev.throng.app.settings;

import dev.throng.engine.project.Variable;
import java.util.ArrayList;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The variables table: name, value (a template), and whether it is a secret reference. FX thread only. */
public final class VariablesView extends BorderPane {
    private final Label error = new Label();

    public VariablesView(VariablesViewModel vm) {
        setId("variables");
        var table = new TableView<>(vm.variables());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var name = new TableColumn<Variable, String>("Name");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> {
            var list = new ArrayList<>(vm.variables());
            list.set(
                    e.getTablePosition().getRow(),
                    new Variable(e.getNewValue(), e.getRowValue().value()));
            show(vm.setVariables(list));
            table.refresh();
        });
        var value = new TableColumn<Variable, String>("Value (template)");
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setOnEditCommit(e -> {
            var list = new ArrayList<>(vm.variables());
            list.set(e.getTablePosition().getRow(), new Variable(e.getRowValue().name(), e.getNewValue()));
            show(vm.setVariables(list));
        });
        var secret = new TableColumn<Variable, String>("Secret");
        secret.setCellValueFactory(
                c -> new SimpleStringProperty(c.getValue().isSecretReference() ? "from the environment" : ""));
        secret.setMaxWidth(180);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.getColumns().add(secret);
        var add = new Button("Add");
        add.setOnAction(e -> show(vm.add()));
        var remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            var list = new ArrayList<>(vm.variables());
            list.remove(table.getSelectionModel().getSelectedIndex());
            show(vm.setVariables(list));
        });
        var secretButton = new Button("Make secret reference…");
        secretButton
                .disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        secretButton.setOnAction(e -> {
            int row = table.getSelectionModel().getSelectedIndex();
            var dialog = new TextInputDialog(vm.variables().get(row).name().toUpperCase(java.util.Locale.ROOT));
            dialog.setHeaderText(
                    "Read this value from an environment variable at run time;" + " the file keeps only ${env:NAME}.");
            dialog.setContentText("Environment variable:");
            dialog.showAndWait().ifPresent(env -> show(vm.makeSecretReference(row, env.strip())));
        });
        error.getStyleClass().add("message");
        var bar = new HBox(6, add, remove, secretButton, error);
        bar.setPadding(new Insets(6));
        setCenter(table);
        setBottom(bar);
    }

    private void show(String problem) {
        error.setText(problem == null ? "" : problem);
    }
}
