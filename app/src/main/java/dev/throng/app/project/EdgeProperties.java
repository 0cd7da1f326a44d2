package dev.throng.app.project;

import static dev.throng.app.project.PropertyRows.nonNegative;

import dev.throng.engine.project.Condition;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The property rows of an arrow of a flow: its weight and its condition (variable, test, value). */
final class EdgeProperties {
    static final String ALWAYS = "always";

    private EdgeProperties() {}

    /** The condition's test as shown: "always" (no condition) or an operator name. */
    static List<String> tests() {
        var out = new ArrayList<String>();
        out.add(ALWAYS);
        for (Condition.Op op : Condition.Op.values()) {
            out.add(op.name());
        }
        return out;
    }

    static boolean takesValue(Condition.Op op) {
        return op == Condition.Op.EQUALS || op == Condition.Op.NOT_EQUALS || op == Condition.Op.MATCHES;
    }

    static void add(PropertyRows rows, List<PropertyRow> out, String flowId, int index) {
        Function<Project, Edge> get = p -> p.flow(flowId).orElseThrow().edges().get(index);
        String c = "Arrow";
        out.add(rows.row(
                c, "From", "a step or START", String.class, p -> get.apply(p).from(), null));
        out.add(rows.row(
                c, "To", "a step, END or START", String.class, p -> get.apply(p).to(), null));
        out.add(rows.<Double>row(
                c,
                "Weight",
                "relative chance among the arrows leaving the same node",
                Double.class,
                p -> get.apply(p).weight(),
                (p, v) -> put(p, flowId, index, e -> e.withWeight(nonNegative(v)))));
        String k = "Condition (taken only when it holds)";
        out.add(rows.<String>choice(
                k,
                "Test",
                "always; IS_SET / NOT_SET: the variable has a value or not; EQUALS, NOT_EQUALS: compares it with the"
                        + " value; MATCHES: the whole value matches the regular expression",
                String.class,
                tests(),
                p -> get.apply(p).condition() == null
                        ? ALWAYS
                        : get.apply(p).condition().op().name(),
                (p, v) -> put(p, flowId, index, e -> {
                    if (ALWAYS.equals(v)) {
                        return new Edge(e.from(), e.to(), e.weight(), null);
                    }
                    Condition.Op op;
                    try {
                        op = Condition.Op.valueOf(v);
                    } catch (IllegalArgumentException x) {
                        throw new IllegalArgumentException("a test is one of " + String.join(", ", tests()));
                    }
                    Condition was = e.condition();
                    return new Edge(
                            e.from(),
                            e.to(),
                            e.weight(),
                            new Condition(was == null ? "" : was.variable(), op, was == null ? null : was.value()));
                })));
        Condition now = get.apply(rows.project()).condition();
        if (now != null) {
            out.add(rows.<String>row(
                    k,
                    "Variable",
                    "the user's variable it tests, without ${ } (e.g. session)",
                    String.class,
                    p -> get.apply(p).condition().variable(),
                    (p, v) -> put(p, flowId, index, e -> {
                        String name = v.strip().replaceAll("^\\$\\{(.*)}$", "$1");
                        if (name.isEmpty()) {
                            throw new IllegalArgumentException("name the variable the condition tests");
                        }
                        var was = e.condition();
                        return new Edge(e.from(), e.to(), e.weight(), new Condition(name, was.op(), was.value()));
                    })));
            if (takesValue(now.op())) {
                out.add(rows.<String>row(
                        k,
                        "Value",
                        now.op() == Condition.Op.MATCHES
                                ? "a regular expression the whole value must match"
                                : "the text the variable is compared with",
                        String.class,
                        p -> {
                            String v = get.apply(p).condition().value();
                            return v == null ? "" : v;
                        },
                        (p, v) -> put(p, flowId, index, e -> {
                            var was = e.condition();
                            if (was.op() == Condition.Op.MATCHES) {
                                try {
                                    java.util.regex.Pattern.compile(v);
                                } catch (java.util.regex.PatternSyntaxException x) {
                                    throw new IllegalArgumentException(
                                            "not a regular expression: " + x.getDescription());
                                }
                            }
                            return new Edge(e.from(), e.to(), e.weight(), new Condition(was.variable(), was.op(), v));
                        })));
            }
        }
    }

    private static Project put(Project p, String flowId, int index, UnaryOperator<Edge> change) {
        Flow f = p.flow(flowId).orElseThrow();
        var edges = new ArrayList<>(f.edges());
        edges.set(index, change.apply(edges.get(index)));
        return p.withFlow(f.withEdges(edges));
    }
}
