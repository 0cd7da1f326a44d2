package dev.throng.app.settings;

import dev.throng.engine.project.DataSource;
import java.io.File;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;

/** A data source: its CSV file (pick one), delimiter, policy, and a preview of the first rows. FX thread only. */
public final class DataSourceView extends BorderPane {
    private final DataSourceViewModel vm;
    private final TableView<List<String>> preview = new TableView<>();
    private boolean showing;

    public DataSourceView(DataSourceViewModel vm) {
        this.vm = vm;
        setId("data-source");
        var path = new Label();
        var pick = new Button("Pick CSV…");
        var add = new Button("New data source…");
        var delimiter = new TextField();
        delimiter.setPrefColumnCount(2);
        delimiter.setOnAction(e -> vm.setDelimiter(delimiter.getText()));
        var policy = new ChoiceBox<DataSource.Policy>();
        policy.getItems().addAll(DataSource.Policy.values());
        policy.setOnAction(e -> {
            if (!showing && policy.getValue() != null) {
                vm.setPolicy(policy.getValue());
            }
        });
        var exhausted = new ChoiceBox<DataSource.Exhausted>();
        exhausted.getItems().addAll(DataSource.Exhausted.values());
        exhausted.setOnAction(e -> {
            if (!showing && exhausted.getValue() != null) {
                vm.setWhenExhausted(exhausted.getValue());
            }
        });
        pick.setOnAction(e -> choose().ifPresent(f -> vm.setFile(f.toPath())));
        add.setOnAction(e -> choose().ifPresent(f -> vm.add(f.toPath())));
        var grid = new GridPane(8, 6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("File"), path, pick, add);
        grid.addRow(1, new Label("Delimiter"), delimiter);
        grid.addRow(2, new Label("Rows are handed out"), policy);
        grid.addRow(3, new Label("When unique rows run out"), exhausted);
        var message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("message");
        grid.add(message, 0, 4, 4, 1);
        setTop(grid);
        setCenter(preview);
        preview.setPlaceholder(new Label("No rows to preview"));
        vm.sourceProperty().addListener((o, a, b) -> {
            showing = true;
            path.setText(b == null ? "" : b.path());
            delimiter.setText(b == null ? "" : String.valueOf(b.delimiter()));
            policy.setValue(b == null ? null : b.policy());
            exhausted.setValue(b == null ? null : b.whenExhausted());
            showing = false;
        });
        vm.columns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        preview.setItems(vm.rows());
    }

    private java.util.Optional<File> choose() {
        var chooser = new FileChooser();
        chooser.setTitle("CSV file with a header row");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow()));
    }

    private void rebuildColumns() {
        preview.getColumns().clear();
        var names = vm.columns();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            var column = new TableColumn<List<String>, String>(names.get(i));
            column.setCellValueFactory(c -> new SimpleStringProperty(
                    index < c.getValue().size() ? c.getValue().get(index) : ""));
            preview.getColumns().add(column);
        }
    }
}
