package dev.throng.engine.protocol;

/**
 * How an agent carries out the project's load plan, beyond what the project file says. Each nullable field, when
 * set, overrides the project. Immutable.
 *
 * @param spawnRate this agent's users started per second (closed model), or {@code null}
 * @param arrivalRate this agent's arrivals per second (open model), or {@code null}
 * @param durationMillis the length of the run in ms, or {@code null} for the project's duration
 * @param host the base URL replacing the project's, or {@code null}
 * @param seed seed of the agent's random choices
 * @param maxNames distinct statistics rows before the excess is folded, at least 1
 */
public record PlanParameters(
        Double spawnRate, Double arrivalRate, Long durationMillis, String host, long seed, int maxNames) {

    public PlanParameters {
        Checks.nonNegativeOrNull(spawnRate, "spawnRate");
        Checks.nonNegativeOrNull(arrivalRate, "arrivalRate");
        if (durationMillis != null && durationMillis < 0) {
            throw new IllegalArgumentException("negative duration " + durationMillis + " ms");
        }
        if (maxNames < 1) {
            throw new IllegalArgumentException("maxNames must be at least 1, got " + maxNames);
        }
    }

    /** The project as it is: no override, the given seed, the default number of names (500). */
    public static PlanParameters asInProject(long seed) {
        return new PlanParameters(null, null, null, null, seed, 500);
    }
}
