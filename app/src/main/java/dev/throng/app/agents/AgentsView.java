package dev.throng.app.agents;

import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The agents pane: where to listen and with which keys, Listen / Stop listening, the table of joined agents, the
 * controller's event lines, and Run on: Local / Agents. FX thread only.
 */
public final class AgentsView extends BorderPane {

    public AgentsView(AgentsViewModel vm) {
        setId("agents-view");
        setPadding(new Insets(8));

        var endpoint = new TextField();
        endpoint.setId("agents-endpoint");
        endpoint.textProperty().bindBidirectional(vm.endpointProperty());
        HBox.setHgrow(endpoint, Priority.ALWAYS);

        var keys = new TextField();
        keys.setId("agents-keys");
        keys.setPromptText("folder made by: throng keys init");
        keys.textProperty().bindBidirectional(vm.keysFolderProperty());
        HBox.setHgrow(keys, Priority.ALWAYS);
        var choose = new Button("Choose…");
        choose.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Keys folder (holds controller.key)");
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                vm.keysFolderProperty().set(dir.getPath());
            }
        });

        var insecure = new CheckBox("Insecure (no encryption, no authentication)");
        insecure.setId("agents-insecure");
        insecure.selectedProperty().bindBidirectional(vm.insecureProperty());
        keys.disableProperty().bind(vm.insecureProperty());
        choose.disableProperty().bind(vm.insecureProperty());
        var warning = new Label("Warning: any host that reaches this port can join and read the project."
                + " Use only on a trusted network.");
        warning.setId("agents-insecure-warning");
        warning.setStyle("-fx-text-fill: #b35c00;");
        warning.setWrapText(true);
        warning.visibleProperty().bind(vm.insecureProperty());
        warning.managedProperty().bind(vm.insecureProperty());

        var count = new Spinner<Integer>(1, 1000, vm.agentCountProperty().get());
        count.setId("agents-count");
        count.setEditable(true);
        count.valueProperty().addListener((o, a, b) -> vm.agentCountProperty().set(b == null ? 1 : b));

        var listen = new Button("Listen");
        listen.setId("agents-listen");
        listen.disableProperty().bind(vm.listeningProperty().or(vm.busyProperty()));
        listen.setOnAction(e -> vm.listen());
        var stop = new Button("Stop listening");
        stop.setId("agents-stop");
        stop.disableProperty().bind(vm.listeningProperty().not().or(vm.busyProperty()));
        stop.setOnAction(e -> vm.stopListening());
        endpoint.disableProperty().bind(vm.listeningProperty());
        insecure.disableProperty().bind(vm.listeningProperty());
        count.disableProperty().bind(vm.listeningProperty());

        var group = new ToggleGroup();
        var local = new RadioButton("Local");
        local.setId("run-on-local");
        local.setToggleGroup(group);
        local.setUserData(RunTarget.LOCAL);
        var agents = new RadioButton("Agents");
        agents.setId("run-on-agents");
        agents.setToggleGroup(group);
        agents.setUserData(RunTarget.AGENTS);
        (vm.runOnProperty().get() == RunTarget.AGENTS ? agents : local).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.runOnProperty().set((RunTarget) b.getUserData());
            }
        });
        vm.runOnProperty().addListener((o, a, b) -> (b == RunTarget.AGENTS ? agents : local).setSelected(true));

        var form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, new Label("Listen on"), new HBox(6, endpoint));
        form.addRow(1, new Label("Keys folder"), new HBox(6, keys, choose));
        form.addRow(2, new Label(""), new VBox(4, insecure, warning));
        form.addRow(3, new Label("Wait for agents"), new HBox(6, count, listen, stop));
        form.addRow(4, new Label("Run on"), new HBox(10, local, agents));
        GridPane.setHgrow(form.getChildren().get(1), Priority.ALWAYS);

        var status = new Label();
        status.setId("agents-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        var error = new Label();
        error.setId("agents-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        var table = new TableView<>(vm.rows());
        table.setId("agents-table");
        table.setPlaceholder(new Label("No agent has joined."));
        table.getColumns().add(column("Agent", AgentRow::id));
        table.getColumns().add(column("Host", AgentRow::host));
        table.getColumns().add(column("Cores", r -> Integer.toString(r.cores())));
        table.getColumns().add(column("Memory", AgentRow::memory));
        table.getColumns().add(column("State", AgentRow::state));
        table.getColumns().add(column("Last heard", AgentRow::lastHeard));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        var log = new ListView<>(vm.log());
        log.setId("agents-log");
        log.setPrefHeight(120);
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) {
                log.scrollTo(vm.log().size() - 1);
            }
        });

        setTop(new VBox(8, form, status, error));
        setCenter(table);
        setBottom(log);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
    }

    private static TableColumn<AgentRow, String> column(String title, Function<AgentRow, String> value) {
        var column = new TableColumn<AgentRow, String>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
