package dev.throng.engine.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much load, when. A plan is a value; its schedule over time is computed in {@code engine.load}.
 */
public sealed interface LoadPlan {

    /** The planned length of the run (after which users are stopped gracefully). */
    Duration duration();

    /** How long users may take to finish their current step once asked to stop, before they are cut off. */
    Duration gracefulStop();

    /** The same plan with another graceful-stop timeout. */
    LoadPlan withGracefulStop(Duration value);

    /** Ten users started at two per second, for one minute. */
    static LoadPlan defaults() {
        return new Closed(10, 2, List.of(), Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    /**
     * The closed model: a number of concurrent users, each looping its main flow.
     *
     * <p>Without stages: ramp to {@code users} at {@code spawnRate} users/s, hold until {@code duration}. With stages:
     * {@code users} and {@code spawnRate} are ignored; each stage moves to its target; {@code duration} is the sum of
     * the stages unless it is set larger (the last target is then held).
     *
     * @param users the target number of users (without stages)
     * @param spawnRate users started (or stopped) per second (without stages)
     * @param stages the stages, in order; may be empty
     * @param duration the total duration
     * @param gracefulStop how long users may finish their step when stopping
     */
    record Closed(int users, double spawnRate, List<Stage> stages, Duration duration, Duration gracefulStop)
            implements LoadPlan {
        public Closed {
            stages = List.copyOf(stages);
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(gracefulStop, "gracefulStop");
        }

        public Closed withUsers(int value) {
            return new Closed(value, spawnRate, stages, duration, gracefulStop);
        }

        public Closed withSpawnRate(double value) {
            return new Closed(users, value, stages, duration, gracefulStop);
        }

        public Closed withStages(List<Stage> value) {
            return new Closed(users, spawnRate, value, duration, gracefulStop);
        }

        public Closed withDuration(Duration value) {
            return new Closed(users, spawnRate, stages, value, gracefulStop);
        }

        @Override
        public Closed withGracefulStop(Duration value) {
            return new Closed(users, spawnRate, stages, duration, value);
        }
    }

    /**
     * A stage of the closed model.
     *
     * @param duration how long the stage lasts
     * @param target users at the end of the stage
     * @param rate users started or stopped per second; {@code null} to move linearly over the stage
     */
    record Stage(Duration duration, int target, Double rate) {
        public Stage {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The open model: users arrive at a rate, each runs one iteration of a profile chosen by weight, then leaves.
     * Latency is measured from the intended start of each arrival. Arrivals that cannot start because
     * {@code maxConcurrentUsers} are busy are counted as dropped.
     *
     * @param startRate arrivals per second at the beginning of the first stage
     * @param stages the stages; the rate moves linearly from the previous target to each stage's target
     * @param maxConcurrentUsers the most iterations in progress at once
     * @param duration the total duration (the sum of the stages unless set larger; the last rate is then held)
     * @param gracefulStop how long iterations may finish when stopping
     */
    record Open(
            double startRate, List<RateStage> stages, int maxConcurrentUsers, Duration duration, Duration gracefulStop)
            implements LoadPlan {
        public Open {
            stages = List.copyOf(stages);
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(gracefulStop, "gracefulStop");
        }

        public Open withStages(List<RateStage> value) {
            return new Open(startRate, value, maxConcurrentUsers, duration, gracefulStop);
        }

        public Open withDuration(Duration value) {
            return new Open(startRate, stages, maxConcurrentUsers, value, gracefulStop);
        }

        @Override
        public Open withGracefulStop(Duration value) {
            return new Open(startRate, stages, maxConcurrentUsers, duration, value);
        }
    }

    /**
     * A stage of the open model.
     *
     * @param duration how long the stage lasts
     * @param target arrivals per second at the end of the stage
     */
    record RateStage(Duration duration, double target) {
        public RateStage {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * Capacity search: the load steps up from {@code start}, each step is held for {@code hold} and judged on its own
     * statistics (not the cumulative ones) against the project's thresholds; the search stops at the first step that
     * breaks them, or after the step at {@code upperBound}, then narrows between the last good and the first bad load
     * {@code refinements} times (halving the gap each time). The answer is the highest load that met the objective.
     *
     * @param model what the load counts: concurrent users (closed model) or arrivals per second (open model)
     * @param start the first step's load, users or arrivals/s; &gt; 0
     * @param step added to the load at each step ({@link StepMode#ADD}), or the factor it is multiplied by
     *     ({@link StepMode#MULTIPLY}, &gt; 1)
     * @param stepMode how {@code step} applies
     * @param hold how long each step is held
     * @param upperBound the highest load the search tries, users or arrivals/s
     * @param refinements how many narrowing steps follow the first bad step (0 = none)
     * @param spawnRate users started or stopped per second between steps (users model)
     * @param maxConcurrentUsers the most iterations in progress at once (arrivals model)
     * @param gracefulStop how long users may finish their step when stopping
     */
    record Capacity(
            CapacityModel model,
            double start,
            double step,
            StepMode stepMode,
            Duration hold,
            double upperBound,
            int refinements,
            double spawnRate,
            int maxConcurrentUsers,
            Duration gracefulStop)
            implements LoadPlan {
        /** Narrowing steps when the file leaves them out. */
        public static final int DEFAULT_REFINEMENTS = 2;
        /** Users started per second between steps when the file leaves it out. */
        public static final double DEFAULT_SPAWN_RATE = 10;
        /** The most concurrent arrivals when the file leaves it out. */
        public static final int DEFAULT_MAX_CONCURRENT_USERS = 1000;

        public Capacity {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(stepMode, "stepMode");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(gracefulStop, "gracefulStop");
        }

        public Capacity withModel(CapacityModel value) {
            return new Capacity(
                    value,
                    start,
                    step,
                    stepMode,
                    hold,
                    upperBound,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withStart(double value) {
            return new Capacity(
                    model,
                    value,
                    step,
                    stepMode,
                    hold,
                    upperBound,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withStep(double value) {
            return new Capacity(
                    model,
                    start,
                    value,
                    stepMode,
                    hold,
                    upperBound,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withStepMode(StepMode value) {
            return new Capacity(
                    model,
                    start,
                    step,
                    value,
                    hold,
                    upperBound,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withHold(Duration value) {
            return new Capacity(
                    model,
                    start,
                    step,
                    stepMode,
                    value,
                    upperBound,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withUpperBound(double value) {
            return new Capacity(
                    model,
                    start,
                    step,
                    stepMode,
                    hold,
                    value,
                    refinements,
                    spawnRate,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withRefinements(int value) {
            return new Capacity(
                    model, start, step, stepMode, hold, upperBound, value, spawnRate, maxConcurrentUsers, gracefulStop);
        }

        public Capacity withSpawnRate(double value) {
            return new Capacity(
                    model,
                    start,
                    step,
                    stepMode,
                    hold,
                    upperBound,
                    refinements,
                    value,
                    maxConcurrentUsers,
                    gracefulStop);
        }

        public Capacity withMaxConcurrentUsers(int value) {
            return new Capacity(
                    model, start, step, stepMode, hold, upperBound, refinements, spawnRate, value, gracefulStop);
        }

        @Override
        public Capacity withGracefulStop(Duration value) {
            return new Capacity(
                    model, start, step, stepMode, hold, upperBound, refinements, spawnRate, maxConcurrentUsers, value);
        }

        /**
         * The loads of the upward steps, in order: from {@code start} by {@code step} while at most
         * {@code upperBound} (the bound itself is the last step when the ladder would pass it). Empty when the plan
         * is not valid (a non-positive start or step, a factor of at most 1); at most 1,000 steps.
         */
        public java.util.List<Double> ladder() {
            var loads = new java.util.ArrayList<Double>();
            boolean growing = stepMode == StepMode.ADD ? step > 0 : step > 1;
            if (!(start > 0) || !growing || !(upperBound >= start)) {
                return loads;
            }
            double load = start;
            while (loads.size() < 1000) {
                loads.add(Math.min(load, upperBound));
                if (load >= upperBound) {
                    break;
                }
                load = stepMode == StepMode.ADD ? load + step : load * step;
            }
            return loads;
        }

        /**
         * The plan the run carries out while the search moves its target live: the users model runs as a closed plan
         * of {@code start} users (rounded, at least 1) started at {@code spawnRate}, without stages; the arrivals
         * model as an open plan at {@code start} arrivals/s, without stages, bounded by {@code maxConcurrentUsers}.
         * Both last {@link #duration()} plus {@link #SLACK} (steps end on the run's one-second ticks).
         */
        public LoadPlan basePlan() {
            Duration length = duration().plus(SLACK);
            return switch (model) {
                case USERS -> new Closed(users(start), spawnRate, List.of(), length, gracefulStop);
                case ARRIVALS -> new Open(start, List.of(), maxConcurrentUsers, length, gracefulStop);
            };
        }

        /** How much longer than {@link #duration()} the run of a search may last. */
        public static final Duration SLACK = Duration.ofSeconds(2);

        /** A users-model load as a whole number of users: rounded, at least 1. */
        public static int users(double load) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(load)));
        }

        /** The most users (users model) or arrivals/s (arrivals model) the search can ask for. */
        public double maxLoad() {
            var loads = ladder();
            return loads.isEmpty() ? start : loads.getLast();
        }

        /** The longest the search can take: every upward step and every narrowing step, each held {@code hold}. */
        @Override
        public Duration duration() {
            return hold.multipliedBy(ladder().size() + (long) Math.max(0, refinements));
        }
    }

    /** What a capacity search counts. */
    enum CapacityModel {
        /** Concurrent users, each looping its main flow (the closed model). */
        USERS,
        /** Arrivals per second, each running one iteration (the open model). */
        ARRIVALS
    }

    /** How a capacity search's step applies. */
    enum StepMode {
        /** The step is added to the load. */
        ADD,
        /** The load is multiplied by the step. */
        MULTIPLY
    }
}
