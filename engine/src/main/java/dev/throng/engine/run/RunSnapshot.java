package dev.throng.engine.run;

import dev.throng.engine.stats.StatsSnapshot;
import java.util.List;

/**
 * The state of a run at one tick (about once a second). Immutable; safe to hand to any thread.
 *
 * @param phase where the run is
 * @param elapsedMillis since the start, ms
 * @param plannedMillis the plan's total duration, ms
 * @param users users running now
 * @param targetUsers users the plan wants now (closed model)
 * @param arrivalRate arrivals per second the plan wants now (open model; 0 otherwise)
 * @param dropped arrivals dropped since the start (open model)
 * @param stats the statistics
 * @param agents the agents (one, in-process, for a local run)
 * @param warnings things a person should see now (open-file limit, names folded, agent lost, ...)
 * @param capacity where the capacity search stands; null unless the plan is a capacity search
 */
public record RunSnapshot(
        RunPhase phase,
        long elapsedMillis,
        long plannedMillis,
        int users,
        int targetUsers,
        double arrivalRate,
        long dropped,
        StatsSnapshot stats,
        List<AgentStatus> agents,
        List<String> warnings,
        CapacityReport capacity) {

    public RunSnapshot {
        agents = List.copyOf(agents);
        warnings = List.copyOf(warnings);
    }

    /** A snapshot of a run whose plan is not a capacity search. */
    public RunSnapshot(
            RunPhase phase,
            long elapsedMillis,
            long plannedMillis,
            int users,
            int targetUsers,
            double arrivalRate,
            long dropped,
            StatsSnapshot stats,
            List<AgentStatus> agents,
            List<String> warnings) {
        this(
                phase,
                elapsedMillis,
                plannedMillis,
                users,
                targetUsers,
                arrivalRate,
                dropped,
                stats,
                agents,
                warnings,
                null);
    }
}
