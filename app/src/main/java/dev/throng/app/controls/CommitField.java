package dev.throng.app.controls;

import java.util.function.Consumer;
import javafx.scene.control.TextField;

/**
 * A text field that hands its text over once: on Enter or when it loses focus with a changed text, so one typed value
 * is one edit. {@link #show} sets the text without committing. FX thread only.
 */
public final class CommitField extends TextField {
    private String shown = "";
    private Consumer<String> onCommit = s -> {};

    public CommitField() {
        setOnAction(e -> commit());
        focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
    }

    public void setOnCommit(Consumer<String> value) {
        onCommit = value;
    }

    /** Shows {@code value} (unless the person is typing in the field). */
    public void show(String value) {
        String v = value == null ? "" : value;
        shown = v;
        if (!isFocused() || getText().equals(v)) {
            setText(v);
        }
    }

    public void commit() {
        if (!getText().equals(shown)) {
            shown = getText();
            onCommit.accept(getText());
        }
    }
}
