package dev.throng.app.designer;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Step;
import dev.throng.engine.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The flow designer's state: the nodes (START, END and the steps, with their share of visits) and arrows (with
 * weights and probabilities) of the shown flow, the selection, and every edit (each one undoable through the
 * {@link ProjectDocument}).
 *
 * <p>Confined to the thread that made it (the FX thread in the app). Positions are canvas units (unscaled pixels).
 */
public final class FlowDesignerViewModel {
    public static final double NODE_WIDTH = 156;
    public static final double NODE_HEIGHT = 58;
    public static final double PASTE_OFFSET = 30;

    /** What a node is. */
    public enum Kind {
        START,
        END,
        REQUEST,
        PAUSE,
        GROUP
    }

    /**
     * A node as drawn.
     *
     * @param x left edge, canvas units
     * @param y top edge, canvas units
     * @param share share of all step visits in {@code [0, 1]} (NaN for START and END)
     */
    public record Node(String id, Kind kind, String title, String detail, double x, double y, double share) {}

    /**
     * An arrow as drawn.
     *
     * @param index the edge's index in the flow's edge list
     * @param probability chance of this edge when leaving {@code from}, in {@code [0, 1]}
     * @param conditional the edge has a condition (drawn dashed)
     */
    public record Arrow(int index, String from, String to, double weight, double probability, boolean conditional) {}

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ReadOnlyStringWrapper flowId = new ReadOnlyStringWrapper(this, "flowId");
    private final ObservableList<Node> nodes = FXCollections.observableArrayList();
    private final ObservableList<Node> nodesView = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<Arrow> arrows = FXCollections.observableArrayList();
    private final ObservableList<Arrow> arrowsView = FXCollections.unmodifiableObservableList(arrows);
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final ObservableSet<String> selectionView = FXCollections.unmodifiableObservableSet(selection);
    private final ReadOnlyIntegerWrapper selectedArrow = new ReadOnlyIntegerWrapper(this, "selectedArrow", -1);
    private FlowEdits.Fragment clipboard;
    private final javafx.beans.property.ObjectProperty<RunOverlay.Measure> overlayMeasure =
            new javafx.beans.property.SimpleObjectProperty<>(this, "overlayMeasure", RunOverlay.Measure.P95);
    private final javafx.beans.property.ReadOnlyObjectWrapper<RunOverlay> overlay =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "overlay");
    private StatsSnapshot runStats;

    public FlowDesignerViewModel(ProjectDocument document) {
        this.document = document;
        document.projectProperty().addListener((o, a, b) -> refresh());
        flowId.addListener((o, a, b) -> {
            selection.clear();
            selectedArrow.set(-1);
            refresh();
            updateOverlay();
        });
        overlayMeasure.addListener((o, a, b) -> updateOverlay());
    }

    /** What the run overlay colours show: p95 (the default) or the error rate. */
    public javafx.beans.property.ObjectProperty<RunOverlay.Measure> overlayMeasureProperty() {
        return overlayMeasure;
    }

    /** The run's figures over the shown flow; null when no run's statistics are shown. */
    public javafx.beans.property.ReadOnlyObjectProperty<RunOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /**
     * Shows a run's statistics on the flow ({@code null} takes them away). The main window calls it with each new
     * snapshot the run dashboard's sampler reads, on the owner thread.
     */
    public void showRunStats(StatsSnapshot stats) {
        owner.check();
        if (stats == runStats) {
            return;
        }
        runStats = stats;
        updateOverlay();
    }

    private void updateOverlay() {
        Optional<Flow> f = flow();
        overlay.set(
                runStats == null || f.isEmpty()
                        ? null
                        : RunOverlay.of(f.get(), document.project().thresholds(), runStats, overlayMeasure.get()));
    }

    public ReadOnlyStringProperty flowIdProperty() {
        return flowId.getReadOnlyProperty();
    }

    /** Shows the flow {@code id} (or nothing when null or unknown). */
    public void showFlow(String id) {
        owner.check();
        flowId.set(id);
        refresh();
    }

    public Optional<Flow> flow() {
        String id = flowId.get();
        return id == null ? Optional.empty() : document.project().flow(id);
    }

    public ObservableList<Node> nodes() {
        return nodesView;
    }

    public ObservableList<Arrow> arrows() {
        return arrowsView;
    }

    /** Selected step ids (START and END are never selected). Read-only view; change it with the select methods. */
    public ObservableSet<String> selection() {
        return selectionView;
    }

    /** The selected arrow's edge index, or -1. */
    public ReadOnlyIntegerProperty selectedArrowProperty() {
        return selectedArrow.getReadOnlyProperty();
    }

    private void refresh() {
        owner.check();
        Optional<Flow> maybe = flow();
        if (maybe.isEmpty()) {
            nodes.clear();
            arrows.clear();
            selection.clear();
            return;
        }
        Flow flow = maybe.get();
        Map<String, Double> shares = VisitShares.shares(flow);
        var list = new ArrayList<Node>();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Step s : flow.steps()) {
            Position p = s.position();
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
            list.add(node(s, shares.getOrDefault(s.id(), 0.0)));
        }
        if (flow.steps().isEmpty()) {
            minX = maxX = FlowEdits.LEFT;
            minY = FlowEdits.TOP;
            maxY = FlowEdits.TOP + FlowEdits.LAYER_GAP;
        }
        double centre = (minX + maxX) / 2;
        list.addFirst(new Node(Flow.START, Kind.START, "START", "", centre, minY - FlowEdits.LAYER_GAP, Double.NaN));
        list.add(new Node(Flow.END, Kind.END, "END", "", centre, maxY + FlowEdits.LAYER_GAP, Double.NaN));
        nodes.setAll(list);
        var edges = new ArrayList<Arrow>();
        for (int i = 0; i < flow.edges().size(); i++) {
            Edge e = flow.edges().get(i);
            edges.add(new Arrow(
                    i, e.from(), e.to(), e.weight(), VisitShares.probability(flow, e), e.condition() != null));
        }
        arrows.setAll(edges);
        selection.retainAll(flow.steps().stream().map(Step::id).toList());
        if (selectedArrow.get() >= edges.size()) {
            selectedArrow.set(-1);
        }
    }

    private static Node node(Step s, double share) {
        Position p = s.position();
        return switch (s) {
            case Step.Request r -> {
                String target = r.method() + " " + r.url();
                boolean named = r.name() != null && !r.name().isBlank();
                yield new Node(
                        r.id(), Kind.REQUEST, named ? r.name() : target, named ? target : r.id(), p.x(), p.y(), share);
            }
            case Step.Pause pause -> {
                String range = pause.min().equals(pause.max())
                        ? seconds(pause.min().toMillis())
                        : seconds(pause.min().toMillis()) + "–"
                                + seconds(pause.max().toMillis());
                yield new Node(pause.id(), Kind.PAUSE, "Pause " + range, pause.id(), p.x(), p.y(), share);
            }
            case Step.Group g ->
                new Node(g.id(), Kind.GROUP, g.name(), g.steps().size() + " steps", p.x(), p.y(), share);
        };
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    // ---- selection

    /** Selects the step {@code id}; with {@code additive}, toggles it in the selection instead. */
    public void select(String id, boolean additive) {
        owner.check();
        selectedArrow.set(-1);
        if (id.equals(Flow.START) || id.equals(Flow.END)) {
            if (!additive) {
                selection.clear();
            }
            return;
        }
        if (!additive) {
            selection.clear();
            selection.add(id);
        } else if (!selection.remove(id)) {
            selection.add(id);
        }
    }

    /** Selects the steps whose box intersects the rectangle (canvas units); with {@code additive}, adds to it. */
    public void selectArea(double x0, double y0, double x1, double y1, boolean additive) {
        owner.check();
        if (!additive) {
            selection.clear();
        }
        selectedArrow.set(-1);
        double left = Math.min(x0, x1);
        double right = Math.max(x0, x1);
        double top = Math.min(y0, y1);
        double bottom = Math.max(y0, y1);
        for (Node n : nodes) {
            if (n.kind() != Kind.START
                    && n.kind() != Kind.END
                    && n.x() < right
                    && n.x() + NODE_WIDTH > left
                    && n.y() < bottom
                    && n.y() + NODE_HEIGHT > top) {
                selection.add(n.id());
            }
        }
    }

    public void selectArrow(int index) {
        owner.check();
        selection.clear();
        selectedArrow.set(index);
    }

    public void clearSelection() {
        owner.check();
        selection.clear();
        selectedArrow.set(-1);
    }

    public void selectAll() {
        owner.check();
        flow().ifPresent(f -> f.steps().forEach(s -> selection.add(s.id())));
    }

    /** Selects the steps whose id, name, method or URL contains {@code text} (ignoring case); returns their ids. */
    public List<String> find(String text) {
        owner.check();
        String needle = text.strip().toLowerCase(Locale.ROOT);
        var found = new ArrayList<String>();
        if (!needle.isEmpty()) {
            for (Node n : nodes) {
                if (n.kind() != Kind.START
                        && n.kind() != Kind.END
                        && (n.id() + " " + n.title() + " " + n.detail())
                                .toLowerCase(Locale.ROOT)
                                .contains(needle)) {
                    found.add(n.id());
                }
            }
        }
        selection.clear();
        selectedArrow.set(-1);
        selection.addAll(found);
        return found;
    }

    // ---- edits

    private void editFlow(UnaryOperator<Flow> edit) {
        owner.check();
        flow().ifPresent(f -> document.edit(p -> p.withFlow(edit.apply(f))));
    }

    /** Adds a new step with its top-left corner at ({@code x}, {@code y}); selects it and returns its id. */
    public String addStep(FlowEdits.NewStep kind, double x, double y) {
        owner.check();
        Flow f = flow().orElseThrow(() -> new IllegalStateException("no flow is shown"));
        String id = FlowEdits.freshId(f, kind.name().toLowerCase(Locale.ROOT));
        editFlow(flow -> flow.withStep(FlowEdits.newStep(kind, id, new Position(Math.max(0, x), Math.max(0, y)))));
        select(id, false);
        return id;
    }

    /** A free spot for a new step: below the lowest step. */
    public Position nextFreePosition() {
        double maxY = flow().stream()
                .flatMap(f -> f.steps().stream())
                .mapToDouble(s -> s.position().y())
                .max()
                .orElse(FlowEdits.TOP - FlowEdits.LAYER_GAP);
        double x = flow().stream()
                .flatMap(f -> f.steps().stream())
                .mapToDouble(s -> s.position().x())
                .min()
                .orElse(FlowEdits.LEFT);
        return new Position(x, maxY + FlowEdits.LAYER_GAP);
    }

    /** Moves the steps by ({@code dx}, {@code dy}) canvas units, as one edit. */
    public void moveBy(Collection<String> ids, double dx, double dy) {
        if (dx != 0 || dy != 0) {
            editFlow(f -> FlowEdits.moveBy(f, ids, dx, dy));
        }
    }

    /** Adds an arrow of weight 1 from {@code from} to {@code to} (START may start one, END may not). */
    public void connect(String from, String to) {
        editFlow(f -> FlowEdits.connect(f, from, to));
    }

    /**
     * Sets an arrow's weight.
     *
     * @return an error message for people, or {@code null} when applied
     */
    public String setWeight(int edgeIndex, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            return "a weight is a number of 0 or more";
        }
        editFlow(f -> FlowEdits.setWeight(f, edgeIndex, weight));
        return null;
    }

    /** Deletes the selected steps (with their arrows) and the selected arrow. */
    public void deleteSelection() {
        owner.check();
        var ids = Set.copyOf(selection);
        int arrow = selectedArrow.get();
        if (ids.isEmpty() && arrow < 0) {
            return;
        }
        selection.clear();
        selectedArrow.set(-1);
        editFlow(f -> FlowEdits.delete(f, ids, arrow < 0 ? List.of() : List.of(arrow)));
    }

    public boolean copySelection() {
        owner.check();
        Optional<Flow> f = flow();
        if (f.isEmpty() || selection.isEmpty()) {
            return false;
        }
        clipboard = FlowEdits.copy(f.get(), selection);
        return true;
    }

    /** Pastes the last copy (with new ids, a little offset) and selects it. */
    public void paste() {
        owner.check();
        if (clipboard == null || flow().isEmpty()) {
            return;
        }
        var pasted = FlowEdits.paste(flow().get(), clipboard, PASTE_OFFSET);
        document.edit(p -> p.withFlow(pasted.getKey()));
        selection.clear();
        selection.addAll(pasted.getValue());
    }

    public void autoLayout() {
        editFlow(FlowEdits::autoLayout);
    }

    /** The bounds of every node: {minX, minY, maxX, maxY} in canvas units. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Node n : nodes) {
            b[0] = Math.min(b[0], n.x());
            b[1] = Math.min(b[1], n.y());
            b[2] = Math.max(b[2], n.x() + NODE_WIDTH);
            b[3] = Math.max(b[3], n.y() + NODE_HEIGHT);
        }
        return nodes.isEmpty() ? new double[] {0, 0, 1, 1} : b;
    }
}
