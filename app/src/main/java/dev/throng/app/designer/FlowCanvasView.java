package dev.throng.app.designer;

import dev.throng.app.fx.FxThread;
import dev.throng.engine.project.Flow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The flow canvas: draws the view-model's nodes and arrows and turns mouse gestures into its edits. Click selects
 * (Shift toggles), dragging on the background draws a selection rectangle, dragging a node moves the selection,
 * dragging from a node's port to another node connects them, double-clicking an arrow's label (or clicking the
 * label of the selected arrow) edits its weight,
 * Ctrl+wheel zooms, the wheel or a middle/right drag pans.
 *
 * <p>FX thread only.
 */
public final class FlowCanvasView extends Pane {
    private static final double MIN_SCALE = 0.2;
    private static final double MAX_SCALE = 3;

    private final FlowDesignerViewModel vm;
    private final Group content = new Group();
    private final Group arrowLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Rectangle band = new Rectangle();
    private final Line wire = new Line();
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final Map<Integer, ArrowView> arrowViews = new HashMap<>();
    private Point2D pressScene;
    private Point2D pressContent;
    private Point2D panOrigin;
    private String dragging;
    private String wiring;
    private TextField weightEditor;
    private boolean fitPending = true;
    private final javafx.scene.Node legend;

    public FlowCanvasView(FlowDesignerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("flow-canvas");
        setId("flow-canvas");
        setFocusTraversable(true);
        var clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        band.getStyleClass().add("flow-band");
        band.setVisible(false);
        band.setManaged(false);
        wire.getStyleClass().add("flow-wire");
        wire.setVisible(false);
        wire.setMouseTransparent(true);
        content.getChildren().addAll(arrowLayer, nodeLayer, labelLayer, wire);
        getChildren().addAll(content, band);
        vm.nodes().addListener((ListChangeListener<FlowDesignerViewModel.Node>) c -> rebuild());
        vm.arrows().addListener((ListChangeListener<FlowDesignerViewModel.Arrow>) c -> rebuild());
        vm.selection().addListener((SetChangeListener<String>) c -> restyleSelection());
        vm.selectedArrowProperty().addListener((o, a, b) -> restyleSelection());
        vm.flowIdProperty().addListener((o, a, b) -> {
            fitPending = true;
            requestLayout();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventFilter(ScrollEvent.SCROLL, this::scrolled);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.deleteSelection();
                e.consume();
            }
        });
        rebuild();
        legend = legend();
        vm.overlayProperty().addListener((o, a, b) -> applyOverlay());
    }

    /** The run overlay's legend and its choice of measure; the editor puts it above the canvas. Shown during a run. */
    javafx.scene.Node overlayLegend() {
        return legend;
    }

    private javafx.scene.Node legend() {
        var measure = new javafx.scene.control.ChoiceBox<RunOverlay.Measure>();
        measure.getItems().setAll(RunOverlay.Measure.values());
        measure.valueProperty().bindBidirectional(vm.overlayMeasureProperty());
        measure.setId("overlay-measure");
        var chips = new javafx.scene.layout.HBox(8);
        for (var level : new RunOverlay.Level[] {RunOverlay.Level.GOOD, RunOverlay.Level.WARN, RunOverlay.Level.BAD}) {
            var chip = new Rectangle(14, 14);
            chip.getStyleClass()
                    .addAll("overlay-chip", "overlay-chip-" + level.name().toLowerCase(java.util.Locale.ROOT));
            var name = switch (level) {
                case GOOD -> "fine";
                case WARN -> "near the limit";
                default -> "too slow / failing";
            };
            chips.getChildren().add(new javafx.scene.layout.HBox(4, chip, new javafx.scene.control.Label(name)));
        }
        var text = new javafx.scene.control.Label();
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.getStyleClass().add("overlay-legend-text");
        var title = new javafx.scene.control.Label("Live run · colour by");
        var top = new javafx.scene.layout.HBox(6, title, measure);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.getChildren().add(chips);
        top.setSpacing(12);
        text.setMaxWidth(Double.MAX_VALUE);
        var box = new javafx.scene.layout.VBox(2, top, text);
        box.setId("overlay-legend");
        box.getStyleClass().add("overlay-legend");
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        vm.overlayProperty().addListener((o, a, b) -> {
            box.setVisible(b != null);
            text.setText(b == null ? "" : b.legend());
        });
        return box;
    }

    private void applyOverlay() {
        RunOverlay o = vm.overlayProperty().get();
        for (var v : nodeViews.values()) {
            v.showFigures(o == null ? null : o.step(v.node().id()));
        }
        for (var a : arrowViews.values()) {
            a.setTraffic(o == null ? 0 : o.arrowWidth(a.arrow().to()));
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (fitPending && getWidth() > 0 && getHeight() > 0 && !vm.nodes().isEmpty()) {
            fitPending = false;
            fitToView();
        }
    }

    /** The current zoom factor. */
    public double scale() {
        return content.getScaleX();
    }

    /** Converts a point of this pane to canvas units. */
    public Point2D toCanvas(double x, double y) {
        return content.parentToLocal(x, y);
    }

    private void rebuild() {
        FxThread.check();
        cancelWeightEdit();
        nodeLayer.getChildren().clear();
        arrowLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        nodeViews.clear();
        arrowViews.clear();
        for (var n : vm.nodes()) {
            var view = new NodeView(n, vm.selection().contains(n.id()));
            nodeViews.put(n.id(), view);
            nodeLayer.getChildren().add(view);
        }
        for (var a : vm.arrows()) {
            if (!nodeViews.containsKey(a.from()) || !nodeViews.containsKey(a.to())) {
                continue;
            }
            var view = new ArrowView(a, vm.selectedArrowProperty().get() == a.index());
            arrowViews.put(a.index(), view);
            arrowLayer.getChildren().add(view);
            labelLayer.getChildren().add(view.label());
            view.label().setOnMouseClicked(e -> {
                boolean selected = vm.selectedArrowProperty().get() == a.index();
                if (e.getButton() == MouseButton.PRIMARY && (e.getClickCount() == 2 || selected)) {
                    editWeight(view);
                } else {
                    vm.selectArrow(a.index());
                }
                e.consume();
            });
            view.label().setOnMousePressed(MouseEvent::consume);
        }
        layoutArrows(Set.of(), 0, 0);
        applyOverlay();
    }

    private void layoutArrows(Set<String> moving, double dx, double dy) {
        var pairs = new HashSet<String>();
        vm.arrows().forEach(a -> pairs.add(a.from() + "\u0000" + a.to()));
        for (ArrowView view : arrowViews.values()) {
            var a = view.arrow();
            double[] from = box(a.from(), moving, dx, dy);
            double[] to = a.from().equals(a.to()) ? from : box(a.to(), moving, dx, dy);
            double bend =
                    pairs.contains(a.to() + "\u0000" + a.from()) && !a.from().equals(a.to()) ? 28 : 0;
            if (bend == 0 && !a.from().equals(a.to())) {
                bend = avoidingBend(a.from(), a.to(), from, to, moving, dx, dy);
            }
            if (a.to().equals(Flow.START) && bend == 0) {
                bend = 60;
            }
            view.layout(from, to, bend);
        }
    }

    private static final double[] BENDS = {0, 50, -50, 100, -100, 160, -160, 230, -230, 320, -320};

    /**
     * The smallest sideways bend (see {@link ArrowView#layout}) whose curve crosses no other box; when every
     * candidate crosses some, the one crossing fewest.
     */
    private double avoidingBend(
            String fromId, String toId, double[] from, double[] to, Set<String> moving, double dx, double dy) {
        var others = new java.util.ArrayList<double[]>();
        for (String id : nodeViews.keySet()) {
            if (!id.equals(fromId) && !id.equals(toId)) {
                others.add(box(id, moving, dx, dy));
            }
        }
        double best = 0;
        int fewest = Integer.MAX_VALUE;
        for (double bend : BENDS) {
            int crossings = crossings(from, to, bend, others);
            if (crossings < fewest) {
                fewest = crossings;
                best = bend;
            }
            if (crossings == 0) {
                break;
            }
        }
        return best;
    }

    /** How many of {@code boxes} the curve between the centres of {@code from} and {@code to} passes through. */
    private static int crossings(double[] from, double[] to, double bend, java.util.List<double[]> boxes) {
        double fx = from[0] + from[2] / 2;
        double fy = from[1] + from[3] / 2;
        double tx = to[0] + to[2] / 2;
        double ty = to[1] + to[3] / 2;
        double len = Math.max(1, Math.hypot(tx - fx, ty - fy));
        double nx = -(ty - fy) / len * bend;
        double ny = (tx - fx) / len * bend;
        double c1x = fx + (tx - fx) / 3 + nx;
        double c1y = fy + (ty - fy) / 3 + ny;
        double c2x = fx + 2 * (tx - fx) / 3 + nx;
        double c2y = fy + 2 * (ty - fy) / 3 + ny;
        int count = 0;
        double margin = 6;
        for (double[] b : boxes) {
            for (int i = 1; i < 48; i++) {
                double t = i / 48.0;
                double u = 1 - t;
                double x = u * u * u * fx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
                double y = u * u * u * fy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ty;
                if (x > b[0] - margin && x < b[0] + b[2] + margin && y > b[1] - margin && y < b[1] + b[3] + margin) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private double[] box(String id, Set<String> moving, double dx, double dy) {
        NodeView v = nodeViews.get(id);
        double x = v.getLayoutX() + (moving.contains(id) ? dx : 0);
        double y = v.getLayoutY() + (moving.contains(id) ? dy : 0);
        return new double[] {x, y, v.boxWidth(), v.boxHeight()};
    }

    private void restyleSelection() {
        nodeViews.forEach((id, view) -> view.setSelected(vm.selection().contains(id)));
        arrowViews.forEach(
                (index, view) -> view.setSelected(vm.selectedArrowProperty().get() == index));
    }

    // ---- gestures

    private NodeView nodeAt(Point2D canvas) {
        for (NodeView v : nodeViews.values()) {
            if (canvas.getX() >= v.getLayoutX()
                    && canvas.getX() <= v.getLayoutX() + v.boxWidth()
                    && canvas.getY() >= v.getLayoutY()
                    && canvas.getY() <= v.getLayoutY() + v.boxHeight() + NodeView.PORT_RADIUS) {
                return v;
            }
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        if (weightEditor != null && e.getTarget() instanceof javafx.scene.Node target && inEditor(target)) {
            return;
        }
        cancelWeightEdit();
        requestFocus();
        pressScene = new Point2D(e.getX(), e.getY());
        pressContent = toCanvas(e.getX(), e.getY());
        dragging = null;
        wiring = null;
        if (e.getButton() != MouseButton.PRIMARY) {
            panOrigin = new Point2D(content.getTranslateX(), content.getTranslateY());
            return;
        }
        panOrigin = null;
        NodeView hit = nodeAt(pressContent);
        if (hit != null && e.getTarget() == hit.port()) {
            wiring = hit.node().id();
            var c = hit.port().localToScene(0, 0);
            var start = content.sceneToLocal(c);
            wire.setStartX(start.getX());
            wire.setStartY(start.getY());
            wire.setEndX(start.getX());
            wire.setEndY(start.getY());
            wire.setVisible(true);
        } else if (hit != null) {
            String id = hit.node().id();
            if (e.isShiftDown() || e.isShortcutDown()) {
                vm.select(id, true);
            } else if (!vm.selection().contains(id)) {
                vm.select(id, false);
            }
            dragging = vm.selection().contains(id) ? id : null;
        } else {
            band.setX(e.getX());
            band.setY(e.getY());
            band.setWidth(0);
            band.setHeight(0);
            band.setVisible(true);
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (pressScene == null) {
            return;
        }
        if (panOrigin != null) {
            content.setTranslateX(panOrigin.getX() + e.getX() - pressScene.getX());
            content.setTranslateY(panOrigin.getY() + e.getY() - pressScene.getY());
            return;
        }
        Point2D at = toCanvas(e.getX(), e.getY());
        if (wiring != null) {
            wire.setEndX(at.getX());
            wire.setEndY(at.getY());
        } else if (dragging != null) {
            double dx = at.getX() - pressContent.getX();
            double dy = at.getY() - pressContent.getY();
            for (String id : vm.selection()) {
                NodeView v = nodeViews.get(id);
                if (v != null) {
                    v.setTranslateX(dx);
                    v.setTranslateY(dy);
                }
            }
            layoutArrows(Set.copyOf(vm.selection()), dx, dy);
        } else if (band.isVisible()) {
            band.setX(Math.min(pressScene.getX(), e.getX()));
            band.setY(Math.min(pressScene.getY(), e.getY()));
            band.setWidth(Math.abs(e.getX() - pressScene.getX()));
            band.setHeight(Math.abs(e.getY() - pressScene.getY()));
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (pressScene == null) {
            return;
        }
        Point2D at = toCanvas(e.getX(), e.getY());
        if (wiring != null) {
            wire.setVisible(false);
            NodeView target = nodeAt(at);
            if (target != null && !(target.node().id().equals(wiring) && e.isStillSincePress())) {
                vm.connect(wiring, target.node().id());
            }
        } else if (dragging != null) {
            double dx = at.getX() - pressContent.getX();
            double dy = at.getY() - pressContent.getY();
            nodeViews.values().forEach(v -> {
                v.setTranslateX(0);
                v.setTranslateY(0);
            });
            if (Math.hypot(dx, dy) >= 2) {
                vm.moveBy(Set.copyOf(vm.selection()), dx, dy);
            } else if (!e.isShiftDown() && !e.isShortcutDown()) {
                vm.select(dragging, false);
            }
        } else if (band.isVisible()) {
            band.setVisible(false);
            if (e.isStillSincePress()) {
                if (!e.isShiftDown()) {
                    vm.clearSelection();
                }
            } else {
                Point2D a = pressContent;
                vm.selectArea(a.getX(), a.getY(), at.getX(), at.getY(), e.isShiftDown());
            }
        }
        pressScene = null;
        dragging = null;
        wiring = null;
        panOrigin = null;
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
            zoomAt(factor, e.getX(), e.getY());
        } else {
            content.setTranslateX(content.getTranslateX() + e.getDeltaX());
            content.setTranslateY(content.getTranslateY() + e.getDeltaY());
        }
        e.consume();
    }

    /** Zooms by {@code factor} keeping the point ({@code x}, {@code y}) of this pane still. */
    public void zoomAt(double factor, double x, double y) {
        Point2D before = toCanvas(x, y);
        double s = Math.clamp(content.getScaleX() * factor, MIN_SCALE, MAX_SCALE);
        content.setScaleX(s);
        content.setScaleY(s);
        Point2D after = content.localToParent(before);
        content.setTranslateX(content.getTranslateX() + x - after.getX());
        content.setTranslateY(content.getTranslateY() + y - after.getY());
    }

    /** Scales and moves the drawing so that every node is visible. */
    public void fitToView() {
        FxThread.check();
        double[] b = vm.bounds();
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double margin = 40;
        double s =
                Math.clamp(Math.min((w - 2 * margin) / (b[2] - b[0]), (h - 2 * margin) / (b[3] - b[1])), MIN_SCALE, 1);
        content.setScaleX(s);
        content.setScaleY(s);
        content.setTranslateX(0);
        content.setTranslateY(0);
        // Group scaling pivots on its layout bounds' centre; place the bounds' centre at the pane's centre.
        Point2D centre = content.localToParent((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        content.setTranslateX(w / 2 - centre.getX());
        content.setTranslateY(h / 2 - centre.getY());
    }

    /** Fits the drawing to the view if some node is outside it. */
    public void revealAll() {
        FxThread.check();
        applyCss();
        layout();
        for (NodeView v : nodeViews.values()) {
            var b = content.localToParent(v.getBoundsInParent());
            if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > getWidth() || b.getMaxY() > getHeight()) {
                fitToView();
                return;
            }
        }
    }

    private void editWeight(ArrowView view) {
        cancelWeightEdit();
        var field = new TextField(ArrowView.weightText(view.arrow().weight()));
        field.setId("weight-editor");
        field.setPrefColumnCount(5);
        field.relocate(view.label().getLayoutX(), view.label().getLayoutY());
        field.setOnAction(e -> {
            int index = view.arrow().index();
            String error;
            try {
                error = vm.setWeight(index, Double.parseDouble(field.getText().strip()));
            } catch (NumberFormatException ex) {
                error = "a weight is a number of 0 or more";
            }
            if (error != null) {
                field.getStyleClass().add("error");
                field.setTooltip(new javafx.scene.control.Tooltip(error));
            } else {
                cancelWeightEdit();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelWeightEdit();
                e.consume();
            }
        });
        weightEditor = field;
        content.getChildren().add(field);
        field.requestFocus();
        field.selectAll();
    }

    private boolean inEditor(javafx.scene.Node node) {
        for (var n = node; n != null; n = n.getParent()) {
            if (n == weightEditor) {
                return true;
            }
        }
        return false;
    }

    private void cancelWeightEdit() {
        if (weightEditor != null) {
            var f = weightEditor;
            weightEditor = null;
            content.getChildren().remove(f);
        }
    }
}
