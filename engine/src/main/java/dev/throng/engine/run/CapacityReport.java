package dev.throng.engine.run;

import dev.throng.engine.project.LoadPlan;
import java.util.List;

/**
 * Where a capacity search stands, or what it found. Immutable. In a {@link RunSnapshot} it holds the steps so far (the
 * last one may be running); in a {@link RunResult} the whole search.
 *
 * @param model what the load counts (users or arrivals/s)
 * @param objective the rule texts of the thresholds every step is judged against, in the project's order
 * @param maxLoad the highest load that met the objective; 0 when no step did
 * @param requestsPerSecondAtMax requests per second produced at {@code maxLoad}; 0 when no step passed
 * @param brokenRule the rule text that broke first (at the first bad step); null when none broke
 * @param firstDegradedNames the request names that degraded first (at the first bad step), worst first
 * @param reachedUpperBound true when every upward step passed up to the plan's upper bound (the limit lies above)
 * @param finished true once the search has ended (all its steps are judged)
 * @param steps every step, in the order run
 */
public record CapacityReport(
        LoadPlan.CapacityModel model,
        List<String> objective,
        double maxLoad,
        double requestsPerSecondAtMax,
        String brokenRule,
        List<String> firstDegradedNames,
        boolean reachedUpperBound,
        boolean finished,
        List<CapacityStep> steps) {

    public CapacityReport {
        objective = List.copyOf(objective);
        firstDegradedNames = List.copyOf(firstDegradedNames);
        steps = List.copyOf(steps);
    }
}
