package dev.throng.engine.user;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow indexed for the interpreter: the edges leaving each node and the steps by id, so that choosing the next step
 * does not scan the flow. Immutable; thread-safe.
 */
record CompiledFlow(String id, Map<String, List<Edge>> edgesFrom, Map<String, Step> steps) {

    static CompiledFlow of(Flow flow) {
        var edges = new HashMap<String, List<Edge>>();
        for (Edge e : flow.edges()) {
            edges.computeIfAbsent(e.from(), k -> new java.util.ArrayList<>()).add(e);
        }
        var frozen = new HashMap<String, List<Edge>>();
        edges.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        var steps = new HashMap<String, Step>();
        for (Step s : flow.steps()) {
            steps.putIfAbsent(s.id(), s);
        }
        return new CompiledFlow(flow.id(), Map.copyOf(frozen), Map.copyOf(steps));
    }

    /** The edges leaving {@code node} in file order (empty when none). */
    List<Edge> from(String node) {
        return edgesFrom.getOrDefault(node, List.of());
    }
}
