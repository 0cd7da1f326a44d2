package dev.throng.app.settings;

import dev.throng.app.run.ObjectiveText;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.LoadPlan.Capacity;
import java.time.Duration;

/**
 * The edits of a capacity-search plan, one field each, refusing values the search cannot run with. Each returns the
 * changed plan or throws {@link IllegalArgumentException} with a message for people ("enter a number above 0"). Loads
 * are users or arrivals/s (the plan's model); times are seconds. Pure; thread-safe.
 */
public final class CapacityEdits {
    /** The most narrowing steps a search may take. */
    public static final int MAX_REFINEMENTS = 10;

    private CapacityEdits() {}

    public static Capacity model(Capacity k, LoadPlan.CapacityModel value) {
        return k.withModel(value);
    }

    public static Capacity start(Capacity k, double value) {
        positive(value);
        if (value > k.upperBound()) {
            throw new IllegalArgumentException(
                    "enter at most the upper bound (" + ObjectiveText.load(k.upperBound()) + ")");
        }
        return k.withStart(value);
    }

    public static Capacity step(Capacity k, double value) {
        if (k.stepMode() == LoadPlan.StepMode.MULTIPLY) {
            if (!(value > 1) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("enter a factor above 1, e.g. 1.5");
            }
        } else {
            positive(value);
        }
        return k.withStep(value);
    }

    /**
     * Switches how the step applies: to a factor of 1.5 when it becomes a factor (unless the step already is one above
     * 1 and at most 10), to the start when it becomes an increment.
     */
    public static Capacity stepMode(Capacity k, LoadPlan.StepMode value) {
        if (value == k.stepMode()) {
            return k;
        }
        double step =
                value == LoadPlan.StepMode.MULTIPLY ? (k.step() > 1 && k.step() <= 10 ? k.step() : 1.5) : k.start();
        return k.withStepMode(value).withStep(step);
    }

    public static Capacity holdSeconds(Capacity k, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("enter at least 1 s: each step is judged over its hold");
        }
        return k.withHold(Duration.ofSeconds(value));
    }

    public static Capacity upperBound(Capacity k, double value) {
        positive(value);
        if (value < k.start()) {
            throw new IllegalArgumentException("enter at least the start (" + ObjectiveText.load(k.start()) + ")");
        }
        return k.withUpperBound(value);
    }

    public static Capacity refinements(Capacity k, int value) {
        if (value < 0 || value > MAX_REFINEMENTS) {
            throw new IllegalArgumentException("enter 0 to " + MAX_REFINEMENTS);
        }
        return k.withRefinements(value);
    }

    public static Capacity spawnRate(Capacity k, double value) {
        positive(value);
        return k.withSpawnRate(value);
    }

    public static Capacity maxConcurrentUsers(Capacity k, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("enter a number above 0");
        }
        return k.withMaxConcurrentUsers(value);
    }

    public static Capacity gracefulStopSeconds(Capacity k, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("enter 0 or more");
        }
        return k.withGracefulStop(Duration.ofSeconds(value));
    }

    private static void positive(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("enter a number above 0");
        }
    }
}
