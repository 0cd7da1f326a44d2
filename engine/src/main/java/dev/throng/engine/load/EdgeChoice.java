package dev.throng.engine.load;

import dev.throng.engine.project.Condition;
import dev.throng.engine.project.Edge;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** Draws the next edge of a flow among the eligible ones, in proportion to their weights. Stateless; thread-safe. */
public final class EdgeChoice {
    private EdgeChoice() {}

    /**
     * Draws one of {@code edges} whose condition holds and whose weight is positive, with probability proportional
     * to its weight. Empty when no edge is eligible (the iteration ends). Uses one draw of {@code random} when there
     * are two or more eligible edges, none otherwise.
     *
     * @param edges the edges leaving a node, in file order
     * @param holds tests an edge's condition ({@code null} conditions are not passed: they always hold)
     * @param random the user's generator (not shared between threads)
     */
    public static Optional<Edge> choose(List<Edge> edges, Predicate<Condition> holds, RandomGenerator random) {
        double total = 0;
        int eligible = 0;
        Edge only = null;
        int n = edges.size();
        for (int i = 0; i < n; i++) { // indexed: no iterator per step of every user
            Edge e = edges.get(i);
            if (isEligible(e, holds)) {
                total += e.weight();
                eligible++;
                only = e;
            }
        }
        if (eligible == 0) {
            return Optional.empty();
        }
        if (eligible == 1) {
            return Optional.of(only);
        }
        double pick = random.nextDouble() * total;
        Edge last = null;
        for (int i = 0; i < n; i++) {
            Edge e = edges.get(i);
            if (isEligible(e, holds)) {
                last = e;
                pick -= e.weight();
                if (pick < 0) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.of(last);
    }

    private static boolean isEligible(Edge e, Predicate<Condition> holds) {
        return e.weight() > 0 && !Double.isNaN(e.weight()) && (e.condition() == null || holds.test(e.condition()));
    }
}
