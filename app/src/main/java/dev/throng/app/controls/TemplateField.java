package dev.throng.app.controls;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A field for templates such as {@code /product/${productId}}: typing {@code ${} offers the known variables, and a
 * line under the field shows the template with known variables in green and unknown ones in red. Commits like
 * {@link CommitField}. FX thread only.
 */
public final class TemplateField extends VBox {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CommitField field = new CommitField();
    private final TextFlow preview = new TextFlow();
    private final ContextMenu completions = new ContextMenu();
    private Supplier<List<String>> candidates = List::of;

    public TemplateField() {
        super(2);
        getStyleClass().add("template-field");
        preview.getStyleClass().add("template-preview");
        getChildren().addAll(field, preview);
        field.textProperty().addListener((o, a, b) -> {
            highlight();
            complete();
        });
        field.caretPositionProperty().addListener((o, a, b) -> complete());
    }

    /** The editable field (for ids in tests, prompt text, commit handler). */
    public CommitField field() {
        return field;
    }

    /** The variable names offered after {@code ${}. */
    public void setCandidates(Supplier<List<String>> value) {
        candidates = value;
        highlight();
    }

    private void highlight() {
        Set<String> known = Set.copyOf(candidates.get());
        String text = field.getText() == null ? "" : field.getText();
        preview.getChildren().clear();
        Matcher m = VARIABLE.matcher(text);
        int at = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.start() > at) {
                preview.getChildren().add(new Text(text.substring(at, m.start())));
            }
            String name = m.group(1);
            var var = new Text(m.group());
            boolean ok = known.contains(name) || name.startsWith("env:");
            var.getStyleClass().add(ok ? "template-known" : "template-unknown");
            preview.getChildren().add(var);
            at = m.end();
        }
        if (any && at < text.length()) {
            preview.getChildren().add(new Text(text.substring(at)));
        }
        preview.setVisible(any);
        preview.setManaged(any);
    }

    private void complete() {
        String text = field.getText() == null ? "" : field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        int open = text.lastIndexOf("${", caret - 1);
        if (!field.isFocused()
                || open < 0
                || open + 2 > caret
                || text.substring(open, caret).contains("}")) {
            completions.hide();
            return;
        }
        String partial = text.substring(open + 2, caret);
        var items = candidates.get().stream()
                .filter(c -> c.startsWith(partial))
                .limit(12)
                .map(c -> {
                    var item = new MenuItem(c);
                    item.setOnAction(e -> insert(open, caret, c));
                    return item;
                })
                .toList();
        if (items.isEmpty()) {
            completions.hide();
            return;
        }
        completions.getItems().setAll(items);
        if (!completions.isShowing()) {
            completions.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void insert(int open, int caret, String name) {
        String text = field.getText();
        boolean closed = caret < text.length() && text.charAt(caret) == '}';
        String next = text.substring(0, open) + "${" + name + (closed ? "" : "}") + text.substring(caret);
        field.setText(next);
        field.positionCaret(open + name.length() + 3);
    }
}
