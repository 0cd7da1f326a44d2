package dev.throng.engine.cluster;

import dev.throng.engine.project.LoadPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the users and rates of a run are split among agents. Pure and deterministic: the same agents and the same
 * totals always give the same shares, whatever order the agents joined in. Stateless; thread-safe.
 */
final class Shares {
    private Shares() {}

    /** An agent as the split sees it. */
    record Member(String id, String host) {}

    /**
     * The order users are dealt in: one agent of each host (hosts by name) before a second agent of any host, agents
     * of one host by id. So a remainder goes to different machines first.
     */
    static List<Member> spread(List<Member> members) {
        var byHost = new TreeMap<String, List<Member>>();
        for (Member m : members) {
            byHost.computeIfAbsent(m.host(), h -> new ArrayList<>()).add(m);
        }
        byHost.values().forEach(list -> list.sort(Comparator.comparing(Member::id)));
        var order = new ArrayList<Member>(members.size());
        for (int round = 0; order.size() < members.size(); round++) {
            for (List<Member> list : byHost.values()) {
                if (round < list.size()) {
                    order.add(list.get(round));
                }
            }
        }
        return order;
    }

    /**
     * Splits {@code total} among {@code members}: each gets {@code total / n}, the remainder goes one by one in
     * {@link #spread} order. The result is in that order.
     */
    static Map<String, Integer> split(int total, List<Member> members) {
        var out = new LinkedHashMap<String, Integer>();
        List<Member> order = spread(members);
        int n = order.size();
        for (int i = 0; i < n; i++) {
            out.put(order.get(i).id(), total / n + (i < total % n ? 1 : 0));
        }
        return out;
    }

    /** The part {@code share / total} of {@code rate}; an even part when the total is 0. */
    static double rate(double rate, int share, int total, int agents) {
        if (total <= 0) {
            return rate / Math.max(1, agents);
        }
        return rate * share / total;
    }

    /**
     * One agent's plan: the same shape as {@code plan}, with its users (or arrivals) scaled to its part.
     *
     * @param users the agent's users (closed model without stages)
     * @param fraction the agent's part of the whole, in {@code [0, 1]}: scales stage targets, rates and the open
     *     model's concurrency
     * @param remainingMillis the plan's duration for this agent (less than the plan's for an agent that joins late)
     */
    static LoadPlan planOf(LoadPlan plan, int users, double fraction, long remainingMillis) {
        var duration = java.time.Duration.ofMillis(Math.max(0, remainingMillis));
        return switch (plan) {
            case LoadPlan.Closed c -> {
                var stages = c.stages().stream()
                        .map(s -> new LoadPlan.Stage(
                                s.duration(),
                                (int) Math.round(s.target() * fraction),
                                s.rate() == null ? null : s.rate() * fraction))
                        .toList();
                yield new LoadPlan.Closed(users, c.spawnRate() * fraction, stages, duration, c.gracefulStop());
            }
            case LoadPlan.Open o -> {
                var stages = o.stages().stream()
                        .map(s -> new LoadPlan.RateStage(s.duration(), s.target() * fraction))
                        .toList();
                int max = o.maxConcurrentUsers() > 0
                        ? Math.max(1, (int) Math.ceil(o.maxConcurrentUsers() * fraction))
                        : 0;
                yield new LoadPlan.Open(o.startRate() * fraction, stages, max, duration, o.gracefulStop());
            }
            case LoadPlan.Capacity k -> planOf(k.basePlan(), users, fraction, remainingMillis);
        };
    }
}
