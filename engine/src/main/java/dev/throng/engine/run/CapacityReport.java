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

    /**
     * The answer in one sentence, such as "carries 190 users (196 req/s); p95<100ms broke first at 200 users; first
     * degraded: GET /capacity".
     */
    public String answer() {
        var text = new StringBuilder();
        CapacityStep firstBad = steps.stream()
                .filter(s -> !s.running() && !s.passed() && !s.narrowing())
                .findFirst()
                .orElse(null);
        if (maxLoad <= 0) {
            text.append(
                    steps.stream().anyMatch(s -> !s.running())
                            ? "does not carry even the first step's "
                                    + load(steps.getFirst().load())
                            : "no step was judged");
        } else {
            text.append("carries ")
                    .append(load(maxLoad))
                    .append(" (")
                    .append(rate(requestsPerSecondAtMax))
                    .append(" req/s)");
        }
        if (reachedUpperBound) {
            text.append(", the plan's upper bound: no step broke the objective");
        } else if (brokenRule != null && firstBad != null) {
            text.append("; ").append(brokenRule).append(" broke first at ").append(load(firstBad.load()));
            if (!firstDegradedNames.isEmpty()) {
                text.append("; first degraded: ")
                        .append(String.join(
                                ", ", firstDegradedNames.subList(0, Math.min(3, firstDegradedNames.size()))));
            }
        }
        if (!finished) {
            text.append(" (the search ended before it finished)");
        }
        return text.toString();
    }

    /** A load with its unit: "190 users", "80 arrivals/s", "82.5 arrivals/s". */
    public String load(double value) {
        return model == LoadPlan.CapacityModel.USERS
                ? Math.round(value) + (Math.round(value) == 1 ? " user" : " users")
                : rate(value) + " arrivals/s";
    }

    private static String rate(double value) {
        return value == Math.rint(value) || value >= 100
                ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
