package dev.throng.engine.cluster;

import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.project.LoadPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the whole run wants at a time: the plan's schedule, until the live values set through the run's handle
 * (users, spawn rate, arrival rate, profile weights) replace it. The run splits these among its agents. Times are ns
 * since the run's start. Confined to the run's thread.
 */
final class LiveTargets {
    private final LoadPlan plan;
    private final ClosedSchedule closed;
    private final OpenSchedule open;
    private Integer users;
    private Double spawnRate;
    private Double arrivalRate;
    private final Map<String, Double> weights = new LinkedHashMap<>();

    LiveTargets(LoadPlan plan) {
        this.plan = plan;
        this.closed = plan instanceof LoadPlan.Closed c ? ClosedSchedule.of(c) : null;
        this.open = plan instanceof LoadPlan.Open o ? OpenSchedule.of(o) : null;
    }

    void setUsers(int value) {
        users = Math.max(0, value);
    }

    void setSpawnRate(double value) {
        spawnRate = Math.max(0, value);
    }

    void setArrivalRate(double value) {
        arrivalRate = Math.max(0, value);
    }

    void putWeights(Map<String, Double> value) {
        weights.putAll(value);
    }

    /** The profile weights set live (empty when none was). */
    Map<String, Double> weights() {
        return Map.copyOf(weights);
    }

    /** The arrival rate set live, or null. */
    Double liveArrivalRate() {
        return arrivalRate;
    }

    /** Whether the run follows the closed plan's stages (no live user target replaced them). */
    boolean followsStages() {
        return plan instanceof LoadPlan.Closed c && !c.stages().isEmpty() && users == null;
    }

    /** The users the whole run wants at {@code elapsedNanos} (closed model), or 0 (open model). */
    int usersAt(long elapsedNanos) {
        if (users != null) {
            return users;
        }
        return switch (plan) {
            case LoadPlan.Closed c when c.stages().isEmpty() -> c.users();
            case LoadPlan.Closed c -> closed.usersAt(Math.max(0, elapsedNanos));
            case LoadPlan.Open o -> 0;
            case LoadPlan.Capacity k -> throw new IllegalStateException("a capacity search runs as its base plan");
        };
    }

    /** The most users the plan ever asks for (closed model), for the shares handed out before the start. */
    int peakUsers() {
        if (users != null) {
            return users;
        }
        return closed == null ? 0 : closed.maxUsers();
    }

    /** The users started (or stopped) per second the whole run wants when its target is {@code target}. */
    double spawnRate(int target) {
        if (spawnRate != null) {
            return spawnRate;
        }
        if (plan instanceof LoadPlan.Closed c && c.stages().isEmpty() && c.spawnRate() > 0) {
            return c.spawnRate();
        }
        return Math.max(1, target);
    }

    /** The arrivals per second the whole run wants at {@code elapsedNanos} (open model), or 0. */
    double arrivalRateAt(long elapsedNanos) {
        if (arrivalRate != null) {
            return arrivalRate;
        }
        return open == null ? 0 : open.arrivalRateAt(Math.max(0, elapsedNanos));
    }
}
