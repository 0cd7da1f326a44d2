package dev.throng.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A flow: a graph of steps joined by weighted edges.
 *
 * <p>Two ids are reserved for pseudo-nodes: {@link #START} (where every iteration begins; its outgoing edges pick the
 * first step) and {@link #END}. After a step, the next one is drawn among its outgoing edges whose condition holds,
 * in proportion to their weights. An iteration ends at an edge to {@code END} or back to {@code START}, or at a step
 * with no eligible outgoing edge. Locust's "pick a weighted task each time" is {@code START} with weighted edges to
 * each task and no edges out of the tasks; a journey (home → 70% product → 20% cart) is the same thing drawn deeper.
 *
 * @param id unique in the project, referenced by profiles
 * @param name shown to people
 * @param steps the nodes
 * @param edges the transitions
 */
public record Flow(String id, String name, List<Step> steps, List<Edge> edges) {
    public static final String START = "start";
    public static final String END = "end";

    public Flow {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        steps = List.copyOf(steps);
        edges = List.copyOf(edges);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The edges leaving {@code nodeId} (a step id or {@link #START}), in file order. */
    public List<Edge> edgesFrom(String nodeId) {
        return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
    }

    public Flow withSteps(List<Step> value) {
        return new Flow(id, name, value, edges);
    }

    public Flow withEdges(List<Edge> value) {
        return new Flow(id, name, steps, value);
    }

    public Flow withName(String value) {
        return new Flow(id, value, steps, edges);
    }

    /** Replaces the step with the same id, or appends it. */
    public Flow withStep(Step step) {
        var list = new ArrayList<>(steps);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(step.id())) {
                list.set(i, step);
                return withSteps(list);
            }
        }
        list.add(step);
        return withSteps(list);
    }
}
