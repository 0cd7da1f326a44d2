package dev.throng.engine.project;

import java.util.Objects;

/**
 * A transition between two nodes of a flow.
 *
 * @param from a step id or {@link Flow#START}
 * @param to a step id, {@link Flow#END} or {@link Flow#START} (which ends the iteration)
 * @param weight relative chance among the eligible edges leaving {@code from}; non-negative
 * @param condition taken only when this holds; {@code null} for always
 */
public record Edge(String from, String to, double weight, Condition condition) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge of(String from, String to, double weight) {
        return new Edge(from, to, weight, null);
    }

    public Edge withWeight(double value) {
        return new Edge(from, to, value, condition);
    }
}
