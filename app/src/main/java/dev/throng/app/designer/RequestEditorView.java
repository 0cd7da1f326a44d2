package dev.throng.app.designer;

import dev.throng.app.controls.CommitField;
import dev.throng.app.controls.PairTable;
import dev.throng.app.controls.TemplateField;
import dev.throng.app.designer.RequestEditorViewModel.BodyKind;
import dev.throng.app.service.RequestSender;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Step;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The request editor: method, URL, name, query, headers, body, extractors, checks, and "Send once". FX thread. */
public final class RequestEditorView extends BorderPane {
    private final RequestEditorViewModel vm;
    private final ComboBox<String> method = new ComboBox<>();
    private final TemplateField url = new TemplateField();
    private final CommitField name = new CommitField();
    private final PairTable query = new PairTable("Parameter", "Value");
    private final PairTable headers = new PairTable("Header", "Value");
    private final ChoiceBox<BodyKind> bodyKind = new ChoiceBox<>();
    private final TextArea bodyText = new TextArea();
    private final TableView<Extractor> extractors = new TableView<>();
    private final TextArea checks = new TextArea();
    private final TextArea response = new TextArea();
    private final Label message = new Label();
    private boolean showing;

    public RequestEditorView(RequestEditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("request-editor");
        setId("request-editor");
        method.getItems().addAll("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
        method.setEditable(true);
        method.setPrefWidth(110);
        method.setOnAction(e -> {
            if (!showing && method.getValue() != null) {
                vm.setMethod(method.getValue());
            }
        });
        url.field().setId("request-url");
        url.field().setPromptText("/path/${variable} or http://127.0.0.1:8080/path");
        url.setCandidates(vm::knownVariables);
        url.field().setOnCommit(vm::setUrl);
        name.setId("request-name");
        name.setPromptText("statistics row name (empty: the URL)");
        name.setOnCommit(vm::setName);
        query.setOnCommit(vm::setQuery);
        headers.setOnCommit(vm::setHeaders);
        var send = new Button("Send once");
        send.setId("send-once");
        send.disableProperty().bind(vm.sendingProperty());
        send.setOnAction(e -> vm.sendOnce());

        var grid = new GridPane(8, 6);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Request"), new HBox(6, method, url, send));
        HBox.setHgrow(url, Priority.ALWAYS);
        grid.addRow(1, new Label("Name"), name);
        GridPane.setHgrow(name, Priority.ALWAYS);
        setTop(grid);

        bodyKind.getItems().addAll(BodyKind.values());
        bodyKind.setOnAction(e -> commitBody());
        bodyText.setPrefRowCount(6);
        bodyText.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitBody();
            }
        });
        var body = new VBox(4, bodyKind, bodyText);
        VBox.setVgrow(bodyText, Priority.ALWAYS);
        buildExtractors();
        checks.setPromptText(
                "one a line: status 200 201 | contains TEXT | matches REGEX | json $.path = VALUE | max 500ms");
        checks.focusedProperty().addListener((o, was, is) -> {
            if (!is && !showing) {
                vm.setChecks(checks.getText());
            }
        });
        response.setEditable(false);
        response.setId("response");
        response.getStyleClass().add("mono");
        var tabs = new TabPane(
                new Tab("Query", query),
                new Tab("Headers", headers),
                new Tab("Body", body),
                new Tab("Extractors", extractors),
                new Tab("Checks", checks),
                new Tab("Response", response));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(2, 8, 2, 8));
        setBottom(message);

        vm.requestProperty().addListener((o, a, b) -> show(b));
        vm.exchangeProperty().addListener((o, a, b) -> {
            showExchange(b);
            if (b != null) {
                tabs.getSelectionModel().selectLast();
            }
        });
        show(vm.requestProperty().get());
    }

    private void buildExtractors() {
        extractors.setEditable(true);
        extractors.setPrefHeight(140);
        extractors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var variable = new TableColumn<Extractor, String>("Variable");
        variable.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().variable()));
        variable.setCellFactory(TextFieldTableCell.forTableColumn());
        variable.setOnEditCommit(e -> replaceExtractor(
                e.getTablePosition().getRow(),
                new Extractor(
                        e.getNewValue(),
                        e.getRowValue().kind(),
                        e.getRowValue().expression(),
                        e.getRowValue().defaultValue())));
        var kind = new TableColumn<Extractor, Extractor.Kind>("From");
        kind.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().kind()));
        kind.setCellFactory(ComboBoxTableCell.forTableColumn(Extractor.Kind.values()));
        kind.setOnEditCommit(e -> replaceExtractor(
                e.getTablePosition().getRow(),
                new Extractor(
                        e.getRowValue().variable(),
                        e.getNewValue(),
                        e.getRowValue().expression(),
                        e.getRowValue().defaultValue())));
        var expression = new TableColumn<Extractor, String>("Expression");
        expression.setCellValueFactory(
                c -> new SimpleStringProperty(c.getValue().expression()));
        expression.setCellFactory(TextFieldTableCell.forTableColumn());
        expression.setOnEditCommit(e -> replaceExtractor(
                e.getTablePosition().getRow(),
                new Extractor(
                        e.getRowValue().variable(),
                        e.getRowValue().kind(),
                        e.getNewValue(),
                        e.getRowValue().defaultValue())));
        var fallback = new TableColumn<Extractor, String>("Default");
        fallback.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().defaultValue()));
        fallback.setCellFactory(TextFieldTableCell.forTableColumn());
        fallback.setOnEditCommit(e -> replaceExtractor(
                e.getTablePosition().getRow(),
                new Extractor(
                        e.getRowValue().variable(),
                        e.getRowValue().kind(),
                        e.getRowValue().expression(),
                        e.getNewValue().isEmpty() ? null : e.getNewValue())));
        extractors.getColumns().add(variable);
        extractors.getColumns().add(kind);
        extractors.getColumns().add(expression);
        extractors.getColumns().add(fallback);
        var menu = new javafx.scene.control.ContextMenu();
        var add = new javafx.scene.control.MenuItem("Add extractor");
        add.setOnAction(e -> {
            var list = new ArrayList<>(extractors.getItems());
            list.add(new Extractor("value", Extractor.Kind.JSONPATH, "$.id", null));
            vm.setExtractors(list);
        });
        var remove = new javafx.scene.control.MenuItem("Remove extractor");
        remove.setOnAction(e -> {
            int i = extractors.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                var list = new ArrayList<>(extractors.getItems());
                list.remove(i);
                vm.setExtractors(list);
            }
        });
        menu.getItems().addAll(add, remove);
        extractors.setContextMenu(menu);
        extractors.setPlaceholder(new Label("No extractors (right-click to add one)"));
    }

    private void replaceExtractor(int row, Extractor e) {
        var list = new ArrayList<>(extractors.getItems());
        list.set(row, e);
        vm.setExtractors(list);
    }

    private void commitBody() {
        if (showing || bodyKind.getValue() == null) {
            return;
        }
        vm.setBody(bodyKind.getValue(), bodyText.getText());
    }

    private void show(Step.Request r) {
        showing = true;
        try {
            setDisable(r == null);
            if (r == null) {
                return;
            }
            method.setValue(r.method());
            url.field().show(r.url());
            name.show(r.name());
            query.show(r.query());
            headers.show(r.headers());
            bodyKind.setValue(RequestEditorViewModel.kindOf(r.body()));
            if (!bodyText.isFocused()) {
                bodyText.setText(RequestEditorViewModel.textOf(r.body()));
            }
            if (!extractors.getItems().equals(r.extractors())) {
                extractors.getItems().setAll(r.extractors());
            }
            if (!checks.isFocused()) {
                checks.setText(CheckText.format(r.checks()));
            }
        } finally {
            showing = false;
        }
    }

    private void showExchange(RequestSender.Exchange x) {
        if (x == null) {
            response.clear();
            return;
        }
        var text = new StringBuilder();
        text.append(x.status() == 0 ? "no response" : "HTTP " + x.status())
                .append("  ")
                .append(x.url())
                .append('\n');
        for (Map.Entry<String, Double> t : x.timingsMs().entrySet()) {
            text.append(String.format(Locale.ROOT, "%s: %.1f ms%n", t.getKey(), t.getValue()));
        }
        x.headers()
                .forEach(h ->
                        text.append(h.name()).append(": ").append(h.value()).append('\n'));
        if (!x.extracted().isEmpty()) {
            text.append("\nExtracted:\n");
            x.extracted()
                    .forEach((k, v) -> text.append("  ${")
                            .append(k)
                            .append("} = ")
                            .append(v)
                            .append('\n'));
        }
        text.append('\n').append(x.body());
        response.setText(text.toString());
    }
}
