package dev.throng.app.project;

import dev.throng.app.controls.CommitField;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
            field.setId("property-" + item.getName().replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
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
}
