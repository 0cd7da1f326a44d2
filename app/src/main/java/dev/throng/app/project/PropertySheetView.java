package dev.throng.app.project;

import dev.throng.app.controls.CommitField;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The ControlsFX property sheet for the selection. Text and number rows commit on Enter or focus loss (one edit per
 * value, not per keystroke); a refused value shows its reason under the sheet. FX thread only.
 */
public final class PropertySheetView extends BorderPane {
    private final PropertySheet sheet = new PropertySheet();
    private final Label error = new Label();

    public PropertySheetView(PropertiesViewModel vm) {
        setId("properties");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        var defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            Class<?> type = item.getType();
            var row = ((RowItem) item).row;
            if (!row.choices().isEmpty()) {
                return new ChoiceEditor((RowItem) item);
            }
            if (type == PropertyRow.Lines.class) {
                return new LinesEditor((RowItem) item);
            }
            if (type == String.class || type == Long.class || type == Integer.class || type == Double.class) {
                return new TextEditor((RowItem) item);
            }
            return defaults.call(item);
        });
        error.getStyleClass().add("message");
        error.setWrapText(true);
        setCenter(sheet);
        setBottom(error);
        vm.rows().addListener((ListChangeListener<PropertyRow>) c -> rebuild(vm));
        rebuild(vm);
    }

    private void rebuild(PropertiesViewModel vm) {
        error.setText("");
        sheet.getItems()
                .setAll(vm.rows().stream()
                        .map(r -> new RowItem(r, this::showError))
                        .toList());
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
