package dev.throng.app.designer;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Step;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure edits of a {@link Flow}: each returns a new flow. Shared by the canvas and the task list. */
public final class FlowEdits {
    public static final double LAYER_GAP = 130;
    public static final double COLUMN_GAP = 200;
    public static final double LEFT = 60;
    public static final double TOP = 150;

    private FlowEdits() {}

    /** The kinds of step the palette adds. */
    public enum NewStep {
        REQUEST,
        PAUSE,
        GROUP
    }

    /** A fresh step id such as {@code request3}, unused in {@code flow}. */
    public static String freshId(Flow flow, String base) {
        Set<String> taken = new HashSet<>();
        flow.steps().forEach(s -> taken.add(s.id()));
        for (int i = 1; ; i++) {
            String id = base + i;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    public static Step newStep(NewStep kind, String id, Position at) {
        return switch (kind) {
            case REQUEST -> Step.Request.of(id, "GET", "/").withPosition(at);
            case PAUSE -> new Step.Pause(id, Duration.ofSeconds(1), Duration.ofSeconds(1), at);
            case GROUP -> new Step.Group(id, id, List.of(), at);
        };
    }

    /** Adds an edge {@code from → to} of weight 1 unless one exists. */
    public static Flow connect(Flow flow, String from, String to) {
        if (from.equals(Flow.END) || to.equals(from) && from.equals(Flow.START)) {
            return flow;
        }
        for (Edge e : flow.edges()) {
            if (e.from().equals(from) && e.to().equals(to)) {
                return flow;
            }
        }
        var edges = new ArrayList<>(flow.edges());
        edges.add(Edge.of(from, to, 1));
        return flow.withEdges(edges);
    }

    public static Flow setWeight(Flow flow, int edgeIndex, double weight) {
        var edges = new ArrayList<>(flow.edges());
        edges.set(edgeIndex, edges.get(edgeIndex).withWeight(weight));
        return flow.withEdges(edges);
    }

    /** Removes the steps and every edge touching them, and the edges at {@code edgeIndexes}. */
    public static Flow delete(Flow flow, Collection<String> stepIds, Collection<Integer> edgeIndexes) {
        var steps = flow.steps().stream().filter(s -> !stepIds.contains(s.id())).toList();
        var edges = new ArrayList<Edge>();
        for (int i = 0; i < flow.edges().size(); i++) {
            Edge e = flow.edges().get(i);
            if (!edgeIndexes.contains(i) && !stepIds.contains(e.from()) && !stepIds.contains(e.to())) {
                edges.add(e);
            }
        }
        return flow.withSteps(steps).withEdges(edges);
    }

    public static Flow moveBy(Flow flow, Collection<String> stepIds, double dx, double dy) {
        var steps = flow.steps().stream()
                .map(s -> stepIds.contains(s.id())
                        ? s.withPosition(new Position(
                                Math.max(0, s.position().x() + dx),
                                Math.max(0, s.position().y() + dy)))
                        : s)
                .toList();
        return flow.withSteps(steps);
    }

    /** What a copy holds: steps and the edges between them. */
    public record Fragment(List<Step> steps, List<Edge> edges) {
        public Fragment {
            steps = List.copyOf(steps);
            edges = List.copyOf(edges);
        }
    }

    public static Fragment copy(Flow flow, Collection<String> stepIds) {
        var steps = flow.steps().stream().filter(s -> stepIds.contains(s.id())).toList();
        var edges = flow.edges().stream()
                .filter(e -> stepIds.contains(e.from()) && stepIds.contains(e.to()))
                .toList();
        return new Fragment(steps, edges);
    }

    /** Pastes {@code fragment} with fresh ids, moved by {@code offset}; returns the flow and the new ids in order. */
    public static Map.Entry<Flow, List<String>> paste(Flow flow, Fragment fragment, double offset) {
        var rename = new HashMap<String, String>();
        Flow out = flow;
        var ids = new ArrayList<String>();
        for (Step s : fragment.steps()) {
            String base = s.id().replaceAll("\\d+$", "");
            String id = freshId(out, base.isEmpty() ? "step" : base);
            rename.put(s.id(), id);
            ids.add(id);
            Position p = new Position(s.position().x() + offset, s.position().y() + offset);
            out = out.withStep(renamed(s, id).withPosition(p));
        }
        var edges = new ArrayList<>(out.edges());
        for (Edge e : fragment.edges()) {
            edges.add(new Edge(rename.get(e.from()), rename.get(e.to()), e.weight(), e.condition()));
        }
        return Map.entry(out.withEdges(edges), ids);
    }

    static Step renamed(Step s, String id) {
        return switch (s) {
            case Step.Request r ->
                new Step.Request(
                        id,
                        r.name(),
                        r.method(),
                        r.url(),
                        r.query(),
                        r.headers(),
                        r.body() == null ? Body.NONE : r.body(),
                        r.extractors(),
                        r.checks(),
                        r.position());
            case Step.Pause p -> new Step.Pause(id, p.min(), p.max(), p.position());
            case Step.Group g -> new Step.Group(id, g.name(), g.steps(), g.position());
        };
    }

    /** Breadth-first depth of each step from START (1 for START's direct successors); unreachable steps absent. */
    public static Map<String, Integer> depths(Flow flow) {
        var depth = new LinkedHashMap<String, Integer>();
        var queue = new ArrayDeque<String>();
        queue.add(Flow.START);
        var known = new HashSet<String>();
        flow.steps().forEach(s -> known.add(s.id()));
        int[] d = new int[1];
        var level = new HashMap<String, Integer>();
        level.put(Flow.START, 0);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            d[0] = level.get(at);
            for (Edge e : flow.edgesFrom(at)) {
                if (known.contains(e.to()) && !level.containsKey(e.to())) {
                    level.put(e.to(), d[0] + 1);
                    depth.put(e.to(), d[0] + 1);
                    queue.add(e.to());
                }
            }
        }
        return depth;
    }

    /** Layered layout: one row per BFS depth from START, unreachable steps in a last row. */
    public static Flow autoLayout(Flow flow) {
        Map<String, Integer> depth = depths(flow);
        int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        var rows = new LinkedHashMap<Integer, List<String>>();
        depth.forEach((id, d) -> rows.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        for (Step s : flow.steps()) {
            if (!depth.containsKey(s.id())) {
                rows.computeIfAbsent(last, k -> new ArrayList<>()).add(s.id());
            }
        }
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        var positions = new HashMap<String, Position>();
        rows.forEach((d, ids) -> {
            double shift = (widest - ids.size()) * COLUMN_GAP / 2;
            for (int i = 0; i < ids.size(); i++) {
                positions.put(ids.get(i), new Position(LEFT + shift + i * COLUMN_GAP, TOP + (d - 1) * LAYER_GAP));
            }
        });
        return flow.withSteps(flow.steps().stream()
                .map(s -> s.withPosition(positions.get(s.id())))
                .toList());
    }
}
