package dev.throng.app.controls;

import dev.throng.engine.project.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * An editable table of name/value pairs (headers, query parameters) with Add and Remove; every change hands the whole
 * new list to the commit handler. FX thread only.
 */
public final class PairTable extends VBox {
    private final TableView<Header> table = new TableView<>();
    private Consumer<List<Header>> onCommit = l -> {};

    public PairTable(String nameTitle, String valueTitle) {
        super(4);
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var name = new TableColumn<Header, String>(nameTitle);
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> replace(
                e.getTablePosition().getRow(),
                new Header(e.getNewValue(), e.getRowValue().value())));
        var value = new TableColumn<Header, String>(valueTitle);
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setOnEditCommit(e -> replace(
                e.getTablePosition().getRow(), new Header(e.getRowValue().name(), e.getNewValue())));
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setPrefHeight(140);
        var add = new Button("Add");
        add.setOnAction(e -> {
            var list = new ArrayList<>(table.getItems());
            list.add(new Header("name", "value"));
            onCommit.accept(list);
        });
        var remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            var list = new ArrayList<>(table.getItems());
            list.remove(table.getSelectionModel().getSelectedIndex());
            onCommit.accept(list);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, new HBox(4, add, remove));
    }

    public void setOnCommit(Consumer<List<Header>> value) {
        onCommit = value;
    }

    public void show(List<Header> pairs) {
        if (!table.getItems().equals(pairs)) {
            table.getItems().setAll(pairs);
        }
    }

    private void replace(int row, Header h) {
        var list = new ArrayList<>(table.getItems());
        list.set(row, h);
        onCommit.accept(list);
    }
}
