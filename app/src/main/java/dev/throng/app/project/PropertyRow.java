package dev.throng.app.project;

import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;

/**
 * One editable property of the selection, for the property sheet.
 *
 * @param category the group it is shown in
 * @param name the label
 * @param description a tooltip that says units and meaning
 * @param type the value's type: {@code String}, {@code Long}, {@code Double}, {@code Integer}, {@code Boolean}, an
 *     enum, or {@link Lines} (a {@code String} of several lines, one item a line)
 * @param value the current value, following the project
 * @param set applies a new value as one undoable edit; returns an error message for people, or {@code null}
 * @param editable false for read-only rows
 * @param choices allowed values (texts) for a choice list, or empty
 */
public record PropertyRow(
        String category,
        String name,
        String description,
        Class<?> type,
        ObservableValue<Object> value,
        Function<Object, String> set,
        boolean editable,
        List<String> choices) {
    public PropertyRow {
        choices = List.copyOf(choices);
    }

    /** The type of a row whose {@code String} value has one item a line (URLs, headers), edited as a text area. */
    public static final class Lines {
        private Lines() {}
    }
}
