package dev.throng.engine.load;

import dev.throng.engine.project.LoadPlan;
import java.util.List;
import java.util.Objects;

/**
 * The steps of a capacity search as a state machine, without a clock: {@link #first()} is the first load; after each
 * step is judged, {@link #judged(boolean)} answers the next step, or {@code null} when the search is done.
 *
 * <p>Upward, the loads are the plan's {@link LoadPlan.Capacity#ladder()}. At the first step that fails, the search
 * narrows: up to {@code refinements} steps, each halfway between the last good and the first bad load (users rounded
 * to whole numbers), the half that holds the limit kept each time. Narrowing stops early when the gap is below one
 * user (users model), below 1% of the load, or when the halfway load rounds onto one of its ends. When the first step
 * fails, there is no good load: the answer is 0 and nothing is narrowed.
 *
 * <p>Not thread-safe: one owner (the run's ticker) drives it.
 */
public final class CapacitySearch {

    /**
     * A step to run.
     *
     * @param load users or arrivals/s
     * @param narrowing true for a step between the last good and the first bad load
     */
    public record Step(double load, boolean narrowing) {}

    private final boolean users;
    private final List<Double> ladder;
    private final int refinements;
    private int rung;
    private int narrowed;
    private Step current;
    private double lastGood = Double.NaN;
    private double firstBad = Double.NaN;
    private boolean done;
    private boolean reachedUpperBound;

    /** @throws IllegalArgumentException when the plan has no step (see {@link LoadPlan.Capacity#ladder()}) */
    public CapacitySearch(LoadPlan.Capacity plan) {
        Objects.requireNonNull(plan, "plan");
        this.users = plan.model() == LoadPlan.CapacityModel.USERS;
        this.ladder = plan.ladder().stream().map(this::rounded).distinct().toList();
        this.refinements = Math.clamp(plan.refinements(), 0, 10);
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("the capacity plan has no step: check its start, step and upper bound");
        }
        this.current = new Step(ladder.getFirst(), false);
    }

    /** The first step. */
    public Step first() {
        return new Step(ladder.getFirst(), false);
    }

    /** The step being run, or {@code null} once done. */
    public Step current() {
        return done ? null : current;
    }

    /**
     * Records the verdict of the current step and answers the next one.
     *
     * @param passed whether the step met the objective
     * @return the next step, or {@code null} when the search is done
     * @throws IllegalStateException when the search is already done
     */
    public Step judged(boolean passed) {
        if (done) {
            throw new IllegalStateException("the search is done");
        }
        double load = current.load();
        if (passed) {
            lastGood = Double.isNaN(lastGood) ? load : Math.max(lastGood, load);
        } else {
            firstBad = Double.isNaN(firstBad) ? load : Math.min(firstBad, load);
        }
        if (!current.narrowing()) {
            if (passed) {
                rung++;
                if (rung < ladder.size()) {
                    return next(new Step(ladder.get(rung), false));
                }
                reachedUpperBound = true;
                return end();
            }
            if (Double.isNaN(lastGood)) {
                return end();
            }
        } else {
            narrowed++;
        }
        if (narrowed >= refinements) {
            return end();
        }
        double gap = firstBad - lastGood;
        if ((users && gap < 2) || gap < 0.01 * firstBad) {
            return end(); // no load in between that differs from both ends by a user or by 1%
        }
        double middle = rounded(lastGood + gap / 2);
        if (middle <= lastGood || middle >= firstBad) {
            return end();
        }
        return next(new Step(middle, true));
    }

    /** True once the search has ended. */
    public boolean done() {
        return done;
    }

    /** The highest load that met the objective so far; 0 when none did. */
    public double maxLoad() {
        return Double.isNaN(lastGood) ? 0 : lastGood;
    }

    /** The lowest load that failed so far, or NaN when none did. */
    public double firstBad() {
        return firstBad;
    }

    /** True when every upward step passed, up to the plan's upper bound. */
    public boolean reachedUpperBound() {
        return reachedUpperBound;
    }

    private Step next(Step step) {
        current = step;
        return step;
    }

    private Step end() {
        done = true;
        return null;
    }

    private double rounded(double load) {
        return users ? LoadPlan.Capacity.users(load) : load;
    }
}
