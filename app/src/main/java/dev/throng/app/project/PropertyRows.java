package dev.throng.app.project;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.project.Project;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;

/**
 * Makes {@link PropertyRow}s whose value follows the document's project and whose set applies one undoable edit.
 * A setter that throws {@link IllegalArgumentException} (or {@link NumberFormatException}) refuses the value with its
 * message. Confined to the document's thread.
 */
final class PropertyRows {
    static final String BAD_NUMBER = "enter a number";

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;

    PropertyRows(ProjectDocument document) {
        this.document = document;
    }

    Project project() {
        return document.project();
    }

    /** An editable row ({@code set} null: read-only). */
    <T> PropertyRow row(
            String category,
            String name,
            String description,
            Class<?> type,
            Function<Project, T> get,
            BiFunction<Project, T, Project> set) {
        return choice(category, name, description, type, List.of(), get, set);
    }

    /** A row whose value is one of {@code choices} (shown as a list). */
    <T> PropertyRow choice(
            String category,
            String name,
            String description,
            Class<?> type,
            List<String> choices,
            Function<Project, T> get,
            BiFunction<Project, T, Project> set) {
        return new PropertyRow(
                category,
                name,
                description,
                type,
                Bindings.createObjectBinding(() -> safeGet(get), document.projectProperty()),
                value -> apply(set, value),
                set != null,
                choices);
    }

    private <T> Object safeGet(Function<Project, T> get) {
        try {
            return get.apply(document.project());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> String apply(BiFunction<Project, T, Project> set, Object value) {
        owner.check();
        if (set == null) {
            return "read-only";
        }
        try {
            Project next = set.apply(document.project(), (T) value);
            document.apply(next);
            return null;
        } catch (NumberFormatException e) {
            return BAD_NUMBER;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? "not accepted" : e.getMessage();
        }
    }

    static <N extends Number> N nonNegative(N n) {
        if (n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
            throw new IllegalArgumentException("enter 0 or more");
        }
        return n;
    }

    static <N extends Number> N positive(N n) {
        if (!(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
            throw new IllegalArgumentException("enter a number above 0");
        }
        return n;
    }

    /** Lines of text as a list: trimmed, blank lines dropped. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** An empty text as {@code null}, otherwise stripped. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
