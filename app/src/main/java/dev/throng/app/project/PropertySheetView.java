package dev.throng.app.project;

import dev.throng.app.controls.CommitField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The property sheet of the selection: its rows grouped under titled sections in the order the view-model gives them
 * (every section open, so nothing is hidden in a collapsed pane), a label with the row's description as tooltip, and a
 * ControlsFX {@link PropertyEditor} per row. Text and number rows commit on Enter or focus loss (one edit per value,
 * not per keystroke); choices commit when picked; a refused value shows its reason under the sheet. FX thread only.
 */
public final class PropertySheetView extends BorderPane {
    /** The width of the names column, px (the same in every section so editors line up). */
    static final double NAME_WIDTH = 120;

    private final VBox sections = new VBox();
    private final Label error = new Label();
    private final DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();

    public PropertySheetView(PropertiesViewModel vm) {
        setId("properties");
        sections.getStyleClass().add("property-sections");
        var scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        error.getStyleClass().add("message");
        error.setWrapText(true);
        error.setPadding(new Insets(4, 8, 4, 8));
        setCenter(scroll);
        setBottom(error);
        vm.rows().addListener((ListChangeListener<PropertyRow>) c -> rebuild(vm));
        rebuild(vm);
    }

    private Node editorFor(RowItem item) {
        Class<?> type = item.getType();
        if (!item.row.choices().isEmpty()) {
            return new ChoiceEditor(item).getEditor();
        }
        if (type == PropertyRow.Lines.class) {
            return new LinesEditor(item).getEditor();
        }
        if (type == String.class && !item.isEditable()) {
            var label = new Label();
            label.setId(editorId(item));
            label.setWrapText(true);
            label.textProperty().bind(item.row.value().map(v -> v == null ? "" : v.toString()));
            if (item.getName().equals("WARNING")) {
                label.getStyleClass().add("message");
            }
            return label;
        }
        if (type == String.class || type == Long.class || type == Integer.class || type == Double.class) {
            return new TextEditor(item).getEditor();
        }
        @SuppressWarnings("unchecked")
        var editor = (PropertyEditor<Object>) defaults.call(item);
        editor.setValue(item.getValue());
        item.row.value().addListener((o, a, b) -> editor.setValue(b));
        editor.getEditor().setId(editorId(item));
        return editor.getEditor();
    }

    private void rebuild(PropertiesViewModel vm) {
        error.setText("");
        var byCategory = new LinkedHashMap<String, GridPane>();
        for (PropertyRow row : vm.rows()) {
            var item = new RowItem(row, this::showError);
            var grid = byCategory.computeIfAbsent(row.category(), c -> grid());
            int at = grid.getRowCount();
            var name = new Label(row.name());
            name.setTooltip(new Tooltip(row.description()));
            name.setWrapText(true);
            Node editor = editorFor(item);
            if (editor instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
            Tooltip.install(editor, new Tooltip(row.description()));
            GridPane.setHgrow(editor, Priority.ALWAYS);
            grid.addRow(at, name, editor);
        }
        var panes = new ArrayList<Node>();
        byCategory.forEach((category, grid) -> {
            var pane = new TitledPane(category, grid);
            pane.setExpanded(true);
            pane.setAnimated(false);
            panes.add(pane);
        });
        sections.getChildren().setAll(panes);
    }

    private static GridPane grid() {
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(6, 8, 6, 8));
        var names = new ColumnConstraints(NAME_WIDTH);
        var editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, editors);
        return grid;
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
    }

    /** "property-" and the row's name in lower-case letters: {@code property-startflow}. */
    static String editorId(RowItem item) {
        return "property-" + item.getName().replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** A row as a ControlsFX item. */
    static final class RowItem implements PropertySheet.Item {
        final PropertyRow row;
        private final Consumer<String> errors;

        RowItem(PropertyRow row, Consumer<String> errors) {
            this.row = row;
            this.errors = errors;
        }

        @Override
        public Class<?> getType() {
            return row.type();
        }

        @Override
        public String getCategory() {
            return row.category();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.description();
        }

        @Override
        public Object getValue() {
            return row.value().getValue();
        }

        @Override
        public void setValue(Object value) {
            if (value != null && !value.equals(getValue())) {
                errors.accept(row.set().apply(value));
            }
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.of(row.value());
        }

        @Override
        public boolean isEditable() {
            return row.editable();
        }
    }

    /** A text field that parses to the row's type and commits once. */
    static final class TextEditor implements PropertyEditor<Object> {
        private final RowItem item;
        private final CommitField field = new CommitField();

        TextEditor(RowItem item) {
            this.item = item;
            field.setId(editorId(item));
            field.setEditable(item.isEditable());
            field.show(text(item.getValue()));
            item.row.value().addListener((o, a, b) -> field.show(text(b)));
            field.setOnCommit(text -> {
                try {
                    item.setValue(parse(text));
                } catch (NumberFormatException e) {
                    item.errors.accept(item.getName() + ": enter a number");
                    field.show(text(item.getValue()));
                }
            });
        }

        private static String text(Object v) {
            if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            return v == null ? "" : v.toString();
        }

        private Object parse(String text) {
            String t = text.strip();
            Class<?> type = item.getType();
            if (type == Long.class) {
                return Long.parseLong(t);
            }
            if (type == Integer.class) {
                return Integer.parseInt(t);
            }
            if (type == Double.class) {
                return Double.parseDouble(t);
            }
            return text;
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return parse(field.getText());
        }

        @Override
        public void setValue(Object value) {
            field.show(text(value));
        }
    }

    /** A list of the row's choices; picking one commits it. */
    static final class ChoiceEditor implements PropertyEditor<Object> {
        private final ComboBox<String> box = new ComboBox<>();
        private boolean showing;

        ChoiceEditor(RowItem item) {
            box.setId(editorId(item));
            box.getItems().setAll(item.row.choices());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setDisable(!item.isEditable());
            setValue(item.getValue());
            item.row.value().addListener((o, a, b) -> setValue(b));
            box.valueProperty().addListener((o, a, b) -> {
                if (!showing && b != null && !b.equals(String.valueOf(item.getValue()))) {
                    String problem = item.row.set().apply(b);
                    item.errors.accept(problem == null ? "" : item.getName() + ": " + problem);
                    if (problem != null) {
                        setValue(item.getValue());
                    }
                }
            });
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public Object getValue() {
            return box.getValue();
        }

        @Override
        public void setValue(Object value) {
            showing = true;
            try {
                box.setValue(value == null ? null : value.toString());
            } finally {
                showing = false;
            }
        }
    }

    /** A text area of several lines (one item a line) that commits when it loses focus or on Ctrl+Enter. */
    static final class LinesEditor implements PropertyEditor<Object> {
        private final TextArea area = new TextArea();
        private String shown = "";

        LinesEditor(RowItem item) {
            area.setId(editorId(item));
            area.setPrefRowCount(3);
            area.setWrapText(false);
            area.setEditable(item.isEditable());
            setValue(item.getValue());
            item.row.value().addListener((o, a, b) -> {
                if (!area.isFocused()) {
                    setValue(b);
                }
            });
            Runnable commit = () -> {
                if (!area.getText().equals(shown)) {
                    shown = area.getText();
                    String problem = item.row.set().apply(area.getText());
                    item.errors.accept(problem == null ? "" : item.getName() + ": " + problem);
                }
            };
            area.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit.run();
                }
            });
            area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                    commit.run();
                    e.consume();
                }
            });
        }

        @Override
        public Node getEditor() {
            return area;
        }

        @Override
        public Object getValue() {
            return area.getText();
        }

        @Override
        public void setValue(Object value) {
            shown = value == null ? "" : value.toString();
            area.setText(shown);
        }
    }
}
