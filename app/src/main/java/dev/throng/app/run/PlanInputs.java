package dev.throng.app.run;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;

/**
 * The figures of a load plan a person can override on the dashboard before pressing Start: users and spawn rate
 * (closed model) or arrival rate (open model), and the duration. Immutable.
 *
 * @param open whether the plan is the open model
 * @param users target users (closed model; for staged plans the highest stage target)
 * @param spawnRate users started per second (closed model)
 * @param arrivalRate arrivals per second (open model; for staged plans the last stage target)
 * @param durationSeconds the run's length, s
 */
record PlanInputs(boolean open, int users, double spawnRate, double arrivalRate, long durationSeconds) {

    /** The figures the plan itself gives. */
    static PlanInputs of(LoadPlan plan) {
        return switch (plan) {
            case LoadPlan.Closed c -> {
                int users = c.stages().isEmpty()
                        ? c.users()
                        : c.stages().stream()
                                .mapToInt(LoadPlan.Stage::target)
                                .max()
                                .orElse(c.users());
                yield new PlanInputs(false, users, c.spawnRate(), 0, seconds(plan.duration()));
            }
            case LoadPlan.Open o -> {
                double rate = o.stages().isEmpty()
                        ? o.startRate()
                        : o.stages().getLast().target();
                yield new PlanInputs(true, 0, 0, rate, seconds(plan.duration()));
            }
            case LoadPlan.Capacity k -> of(k.basePlan()); // the search sets the load itself
        };
    }

    /**
     * The plan with these figures put in. Figures equal to the plan's own leave it as it is (stages included); a
     * changed users, spawn or arrival rate replaces the stages by a plain ramp to it (closed) or a constant rate
     * (open); a changed duration sets the duration.
     */
    LoadPlan applyTo(LoadPlan plan) {
        PlanInputs own = of(plan);
        Duration duration = Duration.ofSeconds(Math.max(1, durationSeconds));
        return switch (plan) {
            case LoadPlan.Closed c -> {
                LoadPlan.Closed out = c;
                if (users != own.users || spawnRate != own.spawnRate) {
                    out = new LoadPlan.Closed(users, spawnRate, List.of(), c.duration(), c.gracefulStop());
                }
                yield durationSeconds == own.durationSeconds ? out : out.withDuration(duration);
            }
            case LoadPlan.Open o -> {
                LoadPlan.Open out = o;
                if (arrivalRate != own.arrivalRate) {
                    out = new LoadPlan.Open(
                            arrivalRate, List.of(), o.maxConcurrentUsers(), o.duration(), o.gracefulStop());
                }
                yield durationSeconds == own.durationSeconds ? out : out.withDuration(duration);
            }
            case LoadPlan.Capacity k -> k;
        };
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
