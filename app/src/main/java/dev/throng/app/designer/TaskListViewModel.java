package dev.throng.app.designer;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import java.util.ArrayList;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The same flow as a Locust-style task list: one row per step with the weight of its edge from START. Editing a
 * weight changes (or adds) that one edge and nothing else, so switching between this and the canvas loses nothing.
 *
 * <p>Confined to the thread that made it (the FX thread in the app).
 */
public final class TaskListViewModel {

    /**
     * A row.
     *
     * @param weight the weight of the edge START → step (0 when there is none)
     * @param probability the chance that an iteration starts with this step, in {@code [0, 1]}
     * @param share the step's share of all visits, in {@code [0, 1]}
     */
    public record Task(String stepId, String label, double weight, double probability, double share) {}

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final FlowDesignerViewModel designer;
    private final ObservableList<Task> tasks = FXCollections.observableArrayList();
    private final ObservableList<Task> tasksView = FXCollections.unmodifiableObservableList(tasks);

    /** Shows the flow the {@code designer} shows. */
    public TaskListViewModel(ProjectDocument document, FlowDesignerViewModel designer) {
        this.document = document;
        this.designer = designer;
        document.projectProperty().addListener((o, a, b) -> refresh());
        designer.flowIdProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObservableList<Task> tasks() {
        return tasksView;
    }

    private void refresh() {
        owner.check();
        Optional<Flow> maybe = designer.flow();
        if (maybe.isEmpty()) {
            tasks.clear();
            return;
        }
        Flow flow = maybe.get();
        var shares = VisitShares.shares(flow);
        var rows = new ArrayList<Task>();
        for (Step s : flow.steps()) {
            double weight = 0;
            double probability = 0;
            for (Edge e : flow.edgesFrom(Flow.START)) {
                if (e.to().equals(s.id())) {
                    weight += e.weight();
                    probability += VisitShares.probability(flow, e);
                }
            }
            rows.add(new Task(s.id(), label(s), weight, probability, shares.getOrDefault(s.id(), 0.0)));
        }
        tasks.setAll(rows);
    }

    private static String label(Step s) {
        return switch (s) {
            case Step.Request r -> r.method() + " " + r.displayName();
            case Step.Pause p -> "pause";
            case Step.Group g -> "group " + g.name();
        };
    }

    /**
     * Sets the weight of START → {@code stepId}, adding that edge when missing.
     *
     * @return an error message for people, or {@code null} when applied
     */
    public String setWeight(String stepId, double weight) {
        owner.check();
        if (!Double.isFinite(weight) || weight < 0) {
            return "a weight is a number of 0 or more";
        }
        Optional<Flow> maybe = designer.flow();
        if (maybe.isEmpty()) {
            return "no flow is shown";
        }
        Flow flow = maybe.get();
        var edges = new ArrayList<>(flow.edges());
        boolean found = false;
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (e.from().equals(Flow.START) && e.to().equals(stepId)) {
                edges.set(i, e.withWeight(weight));
                found = true;
                break;
            }
        }
        if (!found) {
            edges.add(Edge.of(Flow.START, stepId, weight));
        }
        document.edit(p -> p.withFlow(flow.withEdges(edges)));
        return null;
    }

    /** Adds a request task (weight 1 from START) and returns its id. */
    public String addTask() {
        owner.check();
        Flow flow = designer.flow().orElseThrow(() -> new IllegalStateException("no flow is shown"));
        String id = FlowEdits.freshId(flow, "request");
        var position = designer.nextFreePosition();
        Flow next = flow.withStep(FlowEdits.newStep(FlowEdits.NewStep.REQUEST, id, position));
        var edges = new ArrayList<>(next.edges());
        edges.add(Edge.of(Flow.START, id, 1));
        document.edit(p -> p.withFlow(next.withEdges(edges)));
        return id;
    }
}
