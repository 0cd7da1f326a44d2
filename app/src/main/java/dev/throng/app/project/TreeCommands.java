package dev.throng.app.project;

import java.io.File;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The tree's actions as menu items with their dialogs (rename asks for the name, delete asks first when other parts
 * use the item, a refusal or error is shown). Used by the tree's context menu and by the main menu. FX thread only.
 */
final class TreeCommands {
    private final TreeActions actions;
    private final MainViewModel main;
    private final Supplier<Window> window;
    private final BooleanSupplier onHeading;

    /**
     * @param onHeading whether a group heading of the tree is selected (such as "Flows", which shows the first flow
     *     but is not one to rename or delete)
     */
    TreeCommands(TreeActions actions, MainViewModel main, Supplier<Window> window, BooleanSupplier onHeading) {
        this.actions = actions;
        this.main = main;
        this.window = window;
        this.onHeading = onHeading;
    }

    private Selection target() {
        return onHeading.getAsBoolean() ? null : main.selectionProperty().get();
    }

    TreeActions actions() {
        return actions;
    }

    /**
     * Fresh menu items: the New actions, then Rename and Delete of the selection. {@code commands} is asked when an
     * item is chosen (so a menu can be built before the tree).
     */
    static List<MenuItem> items(Supplier<TreeCommands> commands) {
        return List.of(
                item("New flow", "menu-new-flow", () -> commands.get().newFlow()),
                item("New profile", "menu-new-profile", () -> commands.get().newProfile()),
                item(
                        "New data source…",
                        "menu-new-data-source",
                        () -> commands.get().newDataSource()),
                item("New variable", "menu-new-variable", () -> commands.get().newVariable()),
                item("New threshold", "menu-new-threshold", () -> commands.get().newThreshold()),
                new SeparatorMenuItem(),
                item("Rename…", "menu-rename", () -> commands.get().rename()),
                item("Delete", "menu-delete-item", () -> commands.get().delete()));
    }

    /** The New actions only (for a toolbar menu button). */
    static List<MenuItem> newItems(Supplier<TreeCommands> commands) {
        return items(commands).subList(0, 5);
    }

    void newFlow() {
        report(actions.newFlow());
    }

    void newProfile() {
        report(actions.newProfile());
    }

    void newVariable() {
        report(actions.newVariable());
    }

    void newThreshold() {
        report(actions.newThreshold());
    }

    private static MenuItem item(String text, String id, Runnable action) {
        var item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void report(String problem) {
        if (problem != null) {
            var alert = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
            alert.initOwner(window.get());
            alert.setHeaderText(null);
            alert.show();
        }
    }

    void newDataSource() {
        var chooser = new FileChooser();
        chooser.setTitle("New data source: choose a CSV file with a header row");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(window.get());
        if (f != null) {
            report(actions.newDataSource(f.toPath()));
        }
    }

    void rename() {
        var s = target();
        String name = actions.nameOf(s);
        if (name == null) {
            report("Select a flow, a profile or a data source to rename.");
            return;
        }
        var dialog = new TextInputDialog(name);
        dialog.initOwner(window.get());
        dialog.setTitle("Rename");
        dialog.setHeaderText("New name for " + name);
        dialog.getEditor().setId("rename-text");
        dialog.showAndWait().ifPresent(text -> report(actions.rename(s, text)));
    }

    void delete() {
        var s = target();
        if (s == null) {
            report("Select a flow, a profile or a data source to delete.");
            return;
        }
        var plan = actions.planDelete(s);
        if (plan.refusal() != null) {
            var alert = new Alert(Alert.AlertType.WARNING, plan.refusal(), ButtonType.OK);
            alert.initOwner(window.get());
            alert.setHeaderText("Cannot delete " + actions.nameOf(s));
            alert.showAndWait();
            return;
        }
        if (plan.question() != null) {
            var alert = new Alert(Alert.AlertType.CONFIRMATION, plan.question(), ButtonType.YES, ButtonType.NO);
            alert.initOwner(window.get());
            alert.setHeaderText("Delete " + actions.nameOf(s) + "?");
            if (alert.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
                return;
            }
        }
        report(actions.delete(s));
    }
}
