package dev.throng.app.designer;

import dev.throng.app.fx.FxThread;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The designer area: a toolbar (palette, layout, fit, zoom, find, canvas/task-list switch), the canvas or the task
 * list, and the request editor under them when a request is selected. FX thread only.
 */
public final class FlowEditorView extends BorderPane {
    private final FlowDesignerViewModel vm;
    private final FlowCanvasView canvas;
    private final TaskListView taskList;
    private final RequestEditorView requestEditor;
    private final TextField find = new TextField();
    private final Label findResult = new Label();
    private final SplitPane split = new SplitPane();
    private final ToggleButton canvasToggle = new ToggleButton("Canvas");
    private final ToggleButton tasksToggle = new ToggleButton("Task list");

    public FlowEditorView(FlowDesignerViewModel vm, TaskListViewModel tasks, RequestEditorViewModel requests) {
        this.vm = vm;
        this.canvas = new FlowCanvasView(vm);
        this.taskList = new TaskListView(tasks);
        this.requestEditor = new RequestEditorView(requests);
        setId("flow-editor");

        var addRequest = paletteButton("Request", "palette-request", FlowEdits.NewStep.REQUEST);
        var addPause = paletteButton("Pause", "palette-pause", FlowEdits.NewStep.PAUSE);
        var addGroup = paletteButton("Group", "palette-group", FlowEdits.NewStep.GROUP);
        var layout = new Button("Auto-layout");
        layout.setOnAction(e -> {
            vm.autoLayout();
            canvas.fitToView();
        });
        var fit = new Button("Fit");
        fit.setId("fit");
        fit.setOnAction(e -> canvas.fitToView());
        var zoomIn = new Button("+");
        zoomIn.setOnAction(e -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        var zoomOut = new Button("−");
        zoomOut.setOnAction(e -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        find.setId("find");
        find.setPromptText("Find a step (Ctrl+F)");
        find.setPrefColumnCount(12);
        find.setOnAction(e -> runFind());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                find.clear();
                findResult.setText("");
                canvas.requestFocus();
            }
        });
        var views = new ToggleGroup();
        canvasToggle.setToggleGroup(views);
        tasksToggle.setToggleGroup(views);
        tasksToggle.setId("show-task-list");
        canvasToggle.setId("show-canvas");
        canvasToggle.setSelected(true);
        var centre = new StackPane(canvas, taskList);
        taskList.setVisible(false);
        views.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            boolean showTasks = b == tasksToggle;
            taskList.setVisible(showTasks);
            canvas.setVisible(!showTasks);
        });
        var bar = new ToolBar(
                new Label("Add:"),
                addRequest,
                addPause,
                addGroup,
                new Separator(),
                layout,
                fit,
                zoomIn,
                zoomOut,
                new Separator(),
                find,
                findResult,
                new Separator(),
                canvasToggle,
                tasksToggle);
        setTop(new javafx.scene.layout.VBox(bar, canvas.overlayLegend()));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.getItems().add(centre);
        setCenter(split);
        requests.requestProperty().addListener((o, a, b) -> showRequestEditor(b != null));
        showRequestEditor(requests.requestProperty().get() != null);
        findResult.setPadding(new Insets(0, 4, 0, 4));
        acceptPaletteDrops();
    }

    private Button paletteButton(String text, String id, FlowEdits.NewStep kind) {
        var b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip("Click to add below the other steps, or drag onto the canvas"));
        b.setOnDragDetected(e -> {
            var board = b.startDragAndDrop(javafx.scene.input.TransferMode.COPY);
            var content = new javafx.scene.input.ClipboardContent();
            content.putString(PALETTE_PREFIX + kind.name());
            board.setContent(content);
            e.consume();
        });
        b.setOnAction(e -> {
            if (vm.flow().isPresent()) {
                var at = vm.nextFreePosition();
                vm.addStep(kind, at.x(), at.y());
                canvas.revealAll();
            }
        });
        return b;
    }

    private static final String PALETTE_PREFIX = "throng-palette:";

    /** Accepts palette buttons dropped on the canvas: the new step's top-left corner goes where it is dropped. */
    private void acceptPaletteDrops() {
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(PALETTE_PREFIX)) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            boolean done = false;
            String text = e.getDragboard().getString();
            if (text != null && text.startsWith(PALETTE_PREFIX) && vm.flow().isPresent()) {
                var kind = FlowEdits.NewStep.valueOf(text.substring(PALETTE_PREFIX.length()));
                var at = canvas.toCanvas(e.getX(), e.getY());
                vm.addStep(
                        kind,
                        at.getX() - FlowDesignerViewModel.NODE_WIDTH / 2,
                        at.getY() - FlowDesignerViewModel.NODE_HEIGHT / 2);
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void showRequestEditor(boolean show) {
        FxThread.check();
        boolean shown = split.getItems().contains(requestEditor);
        if (show && !shown) {
            split.getItems().add(requestEditor);
            split.setDividerPositions(0.58);
        } else if (!show && shown) {
            split.getItems().remove(requestEditor);
        }
    }

    public FlowCanvasView canvas() {
        return canvas;
    }

    /** Focuses the find field (Ctrl+F). */
    public void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    private void runFind() {
        var found = vm.find(find.getText());
        findResult.setText(found.isEmpty() ? "no match" : found.size() + " found");
    }

    /** Shows the canvas (false) or the task list (true). */
    public void showTaskList(boolean value) {
        (value ? tasksToggle : canvasToggle).setSelected(true);
    }
}
