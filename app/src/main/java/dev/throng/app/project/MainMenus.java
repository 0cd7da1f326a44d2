package dev.throng.app.project;

import java.io.File;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The menu bar and toolbar of the main window, with the keyboard shortcuts Ctrl+N/O/S, Ctrl+Z/Y, Ctrl+C/V, Delete
 * and Ctrl+F. While a text field has the focus, the edit shortcuts act on its text instead. FX thread only.
 */
final class MainMenus {
    private final MainView view;
    private final MenuBar menuBar = new MenuBar();
    private final ToolBar toolBar = new ToolBar();

    MainMenus(MainView view) {
        this.view = view;
        var doc = view.document();

        var newItem = item("New", "Shortcut+N", doc::newProject);
        var open = item("Open…", "Shortcut+O", this::open);
        var recent = new Menu("Open recent");
        doc.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        fillRecent(recent);
        var save = item("Save", "Shortcut+S", () -> doc.save(() -> {}));
        save.setId("menu-save");
        var saveAs = item("Save as…", "Shortcut+Shift+S", () -> doc.saveAs(() -> {}));
        var curl = item("Import curl command…", null, this::importCurl);
        var har = item("Import HAR recording…", null, this::importHar);
        var quit = item(
                "Quit",
                "Shortcut+Q",
                () -> window().fireEvent(
                                new javafx.stage.WindowEvent(window(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        var file = new Menu(
                "File",
                null,
                newItem,
                open,
                recent,
                new SeparatorMenuItem(),
                save,
                saveAs,
                new SeparatorMenuItem(),
                curl,
                har,
                new SeparatorMenuItem(),
                quit);

        var undo = item("Undo", "Shortcut+Z", () -> {
            if (!(focused() instanceof TextInputControl t) || !t.isUndoable()) {
                doc.undo();
            } else {
                t.undo();
            }
        });
        undo.disableProperty().bind(doc.canUndoProperty().not());
        var redo = item("Redo", "Shortcut+Y", () -> {
            if (focused() instanceof TextInputControl t && t.isRedoable()) {
                t.redo();
            } else {
                doc.redo();
            }
        });
        redo.disableProperty().bind(doc.canRedoProperty().not());
        var copy = item("Copy", "Shortcut+C", () -> {
            if (focused() instanceof TextInputControl t) {
                t.copy();
            } else {
                view.designer().copySelection();
            }
        });
        var paste = item("Paste", "Shortcut+V", () -> {
            if (focused() instanceof TextInputControl t) {
                t.paste();
            } else {
                view.designer().paste();
            }
        });
        var delete = item("Delete", "Delete", () -> {
            if (focused() instanceof TextInputControl t) {
                t.deleteNextChar();
            } else if (focused() == view.flowEditor().canvas()
                    || !(focused() instanceof javafx.scene.control.Control)) {
                view.designer().deleteSelection();
            }
        });
        var selectAll = item("Select all steps", null, view.designer()::selectAll);
        var find = item("Find step…", "Shortcut+F", view.flowEditor()::focusFind);
        var edit = new Menu(
                "Edit",
                null,
                undo,
                redo,
                new SeparatorMenuItem(),
                copy,
                paste,
                delete,
                selectAll,
                new SeparatorMenuItem(),
                find);

        var fit = item("Fit to view", null, view.flowEditor().canvas()::fitToView);
        var layout = item("Auto-layout", null, () -> {
            view.designer().autoLayout();
            view.flowEditor().canvas().fitToView();
        });
        var canvas = item("Canvas", null, () -> view.flowEditor().showTaskList(false));
        var tasks = item("Task list", null, () -> view.flowEditor().showTaskList(true));
        var run = item("Run dashboard", null, view::showRunTab);
        var history = item("Run history", null, view::showHistoryTab);
        var viewMenu = new Menu("View", null, fit, layout, new SeparatorMenuItem(), canvas, tasks, run, history);
        var about = item("About Throng", null, () -> {
            var alert = new Alert(
                    Alert.AlertType.INFORMATION,
                    "Throng " + dev.throng.engine.Version.THRONG
                            + "\nDesign weighted user flows, press Start, watch the numbers.",
                    ButtonType.OK);
            alert.initOwner(window());
            alert.setHeaderText("Throng");
            alert.showAndWait();
        });
        var project = new Menu("Project");
        project.setId("menu-project");
        project.getItems().setAll(TreeCommands.items(this::treeCommands));
        menuBar.getMenus().addAll(file, edit, project, viewMenu, new Menu("Help", null, about));
        var add = new MenuButton("Add");
        add.setId("tool-add");
        add.getItems().setAll(TreeCommands.newItems(this::treeCommands));

        toolBar.getItems()
                .addAll(
                        button("New", doc::newProject),
                        button("Open", this::open),
                        button("Save", () -> doc.save(() -> {})),
                        new javafx.scene.control.Separator(),
                        bound(button("Undo", doc::undo), doc.canUndoProperty()),
                        bound(button("Redo", doc::redo), doc.canRedoProperty()),
                        new javafx.scene.control.Separator(),
                        add,
                        button("Import curl", this::importCurl),
                        button("Import HAR", this::importHar),
                        new javafx.scene.control.Separator(),
                        button("Run ▶", view::showRunTab));
    }

    /** The tree's commands; the tree is looked up when a command is chosen (it is made after the menus). */
    private TreeCommands treeCommands() {
        return ((ProjectTreeView) view.lookup("#project-tree")).commands();
    }

    MenuBar menuBar() {
        return menuBar;
    }

    ToolBar toolBar() {
        return toolBar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        var item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String text, Runnable action) {
        var b = new Button(text);
        b.setId("tool-" + text.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Button bound(Button b, javafx.beans.value.ObservableBooleanValue enabled) {
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        return b;
    }

    private Window window() {
        return view.getScene().getWindow();
    }

    private javafx.scene.Node focused() {
        return view.getScene() == null ? null : view.getScene().getFocusOwner();
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : view.document().recentFiles()) {
            recent.getItems().add(item(p.toString(), null, () -> view.document().open(p)));
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private void open() {
        view.document().whenChangesHandled(() -> {
            var chooser = new FileChooser();
            chooser.setTitle("Open project");
            chooser.getExtensionFilters()
                    .addAll(
                            new FileChooser.ExtensionFilter("Throng projects", "*.throng.json"),
                            new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(window());
            if (f != null) {
                view.document().open(f.toPath());
            }
        });
    }

    private void importCurl() {
        var text = new TextArea();
        text.setId("curl-text");
        text.setPromptText("curl 'http://127.0.0.1:8080/product/42' -H 'Accept: application/json'");
        text.setPrefRowCount(6);
        var error = new Label();
        error.getStyleClass().add("message");
        error.setWrapText(true);
        var dialog = new Dialog<ButtonType>();
        dialog.initOwner(window());
        dialog.setTitle("Import curl command");
        dialog.setHeaderText("Paste a curl command (e.g. from the browser's \"Copy as cURL\").\n"
                + "It becomes a request of the flow shown.");
        dialog.getDialogPane().setContent(new VBox(6, text, error));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("curl-ok");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String problem = view.imports().importCurl(text.getText());
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        dialog.show();
    }

    private void importHar() {
        var chooser = new FileChooser();
        chooser.setTitle("Import HAR recording");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HAR recordings", "*.har", "*.json"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            importHar(f.toPath());
        }
    }

    /** Imports {@code har} as a new flow and shows it. */
    void importHar(Path har) {
        view.imports()
                .importHar(
                        har,
                        flowId -> view.main().selectionProperty().set(new Selection.Flow(flowId)),
                        message -> new FxPrompts(window()).error(message));
    }
}
