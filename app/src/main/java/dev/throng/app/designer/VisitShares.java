package dev.throng.app.designer;

import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each step of a flow runs, from its edge weights: the stationary distribution of the Markov chain whose
 * states are {@code START} and the steps. From a node the next is drawn by weight among its outgoing edges (all
 * treated as eligible: conditions cannot be known at design time); an edge to {@code END} or back to {@code START},
 * or a node with no outgoing weight, returns to {@code START} (the next iteration). Solved by power iteration on the
 * lazy chain {@code (I + P) / 2}, which has the same stationary distribution and converges on periodic flows too.
 *
 * <p>Pure functions; thread-safe.
 */
public final class VisitShares {
    private static final int MAX_ITERATIONS = 200_000;
    private static final double TOLERANCE = 1e-13;

    private VisitShares() {}

    /** The chance of taking {@code edge} when leaving its node: its weight over the sum of its node's weights. */
    public static double probability(Flow flow, Edge edge) {
        double sum = outgoingWeight(flow.edgesFrom(edge.from()));
        return sum > 0 ? Math.max(0, edge.weight()) / sum : 0;
    }

    /**
     * Each step's share of all step visits, in {@code [0, 1]}, summing to 1 over the steps reachable from START (0
     * for unreachable steps; all 0 when START leads nowhere).
     */
    public static Map<String, Double> shares(Flow flow) {
        double[] pi = stationary(flow);
        List<Step> steps = flow.steps();
        double total = 0;
        for (int i = 1; i < pi.length; i++) {
            total += pi[i];
        }
        var out = new HashMap<String, Double>();
        for (int i = 0; i < steps.size(); i++) {
            out.put(steps.get(i).id(), total > 0 ? pi[i + 1] / total : 0);
        }
        return out;
    }

    /** Expected visits of each step per iteration of the flow (per visit of START). */
    public static Map<String, Double> visitsPerIteration(Flow flow) {
        double[] pi = stationary(flow);
        var out = new HashMap<String, Double>();
        List<Step> steps = flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            out.put(steps.get(i).id(), pi[0] > 0 ? pi[i + 1] / pi[0] : 0);
        }
        return out;
    }

    /** State 0 is START, state i + 1 is step i. */
    private static double[] stationary(Flow flow) {
        List<Step> steps = flow.steps();
        int n = steps.size() + 1;
        var index = new HashMap<String, Integer>();
        index.put(Flow.START, 0);
        for (int i = 0; i < steps.size(); i++) {
            index.putIfAbsent(steps.get(i).id(), i + 1);
        }
        // Sparse transitions: for each state, targets and probabilities.
        int[][] targets = new int[n][];
        double[][] probs = new double[n][];
        for (int s = 0; s < n; s++) {
            String id = s == 0 ? Flow.START : steps.get(s - 1).id();
            List<Edge> out = flow.edgesFrom(id);
            double sum = outgoingWeight(out);
            if (sum <= 0) {
                targets[s] = new int[] {0};
                probs[s] = new double[] {1};
                continue;
            }
            targets[s] = new int[out.size()];
            probs[s] = new double[out.size()];
            for (int k = 0; k < out.size(); k++) {
                Edge e = out.get(k);
                Integer to = e.to().equals(Flow.END) ? Integer.valueOf(0) : index.get(e.to());
                targets[s][k] = to == null ? 0 : to;
                probs[s][k] = Math.max(0, e.weight()) / sum;
            }
        }
        if (outgoingWeight(flow.edgesFrom(Flow.START)) <= 0) {
            return new double[n];
        }
        double[] pi = new double[n];
        pi[0] = 1;
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int s = 0; s < n; s++) {
                next[s] = pi[s] / 2;
            }
            for (int s = 0; s < n; s++) {
                if (pi[s] == 0) {
                    continue;
                }
                for (int k = 0; k < targets[s].length; k++) {
                    next[targets[s][k]] += pi[s] * probs[s][k] / 2;
                }
            }
            double change = 0;
            for (int s = 0; s < n; s++) {
                change += Math.abs(next[s] - pi[s]);
            }
            double[] swap = pi;
            pi = next;
            next = swap;
            if (change < TOLERANCE) {
                break;
            }
        }
        return pi;
    }

    private static double outgoingWeight(List<Edge> edges) {
        double sum = 0;
        for (Edge e : edges) {
            sum += Math.max(0, e.weight());
        }
        return sum;
    }
}
