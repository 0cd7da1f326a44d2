package dev.throng.app.run;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Builds table columns that show one value of a row, formatted, and sort by the value itself. FX thread only. */
final class Columns {
    private Columns() {}

    /** A text column, left-aligned. */
    static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A number column, right-aligned, sorting by the number. */
    static <S, T extends Comparable<T>> TableColumn<S, T> number(
            String title, Function<S, T> value, Function<T, String> format, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        c.getStyleClass().add("number-column");
        c.setPrefWidth(width);
        return c;
    }
}
