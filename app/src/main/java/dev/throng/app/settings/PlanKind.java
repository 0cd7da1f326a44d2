package dev.throng.app.settings;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;

/**
 * The kinds of load plan a person chooses between, and how a plan becomes another kind keeping what it can: the users
 * of a closed plan become the start of a users search and back, the arrival rate of an open plan the start of an
 * arrivals search and back; duration (where the kind has one) and graceful stop are kept. Pure; thread-safe.
 */
public enum PlanKind {
    /** {@link LoadPlan.Closed}. */
    CLOSED("Closed (users)"),
    /** {@link LoadPlan.Open}. */
    OPEN("Open (arrivals/s)"),
    /** {@link LoadPlan.Capacity}. */
    CAPACITY("Capacity search");

    /** How long each step of a new capacity search is held. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    /** The label shown in the editor: "Closed (users)", "Open (arrivals/s)", "Capacity search". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The kind of {@code plan}. */
    public static PlanKind of(LoadPlan plan) {
        return switch (plan) {
            case LoadPlan.Closed c -> CLOSED;
            case LoadPlan.Open o -> OPEN;
            case LoadPlan.Capacity k -> CAPACITY;
        };
    }

    /** The kind whose {@link #label()} is {@code text}, or null. */
    public static PlanKind ofLabel(String text) {
        for (PlanKind k : values()) {
            if (k.label.equals(text)) {
                return k;
            }
        }
        return null;
    }

    /** {@code plan} as this kind, keeping what it can; {@code plan} itself when it already is. */
    public LoadPlan convert(LoadPlan plan) {
        if (of(plan) == this) {
            return plan;
        }
        Duration graceful = plan.gracefulStop();
        return switch (this) {
            case CLOSED -> {
                if (plan instanceof LoadPlan.Capacity k && k.model() == LoadPlan.CapacityModel.USERS) {
                    yield new LoadPlan.Closed(
                            LoadPlan.Capacity.users(k.start()),
                            k.spawnRate(),
                            List.of(),
                            Duration.ofSeconds(60),
                            graceful);
                }
                yield new LoadPlan.Closed(10, 2, List.of(), duration(plan), graceful);
            }
            case OPEN -> {
                if (plan instanceof LoadPlan.Capacity k && k.model() == LoadPlan.CapacityModel.ARRIVALS) {
                    yield new LoadPlan.Open(
                            k.start(), List.of(), k.maxConcurrentUsers(), Duration.ofSeconds(60), graceful);
                }
                yield new LoadPlan.Open(10, List.of(), 100, duration(plan), graceful);
            }
            case CAPACITY ->
                switch (plan) {
                    case LoadPlan.Closed c -> {
                        double start = c.users() > 0 ? c.users() : 10;
                        double spawn = c.spawnRate() > 0 ? c.spawnRate() : LoadPlan.Capacity.DEFAULT_SPAWN_RATE;
                        yield search(LoadPlan.CapacityModel.USERS, start, spawn, 0, graceful);
                    }
                    case LoadPlan.Open o -> {
                        double start = o.startRate() > 0 ? o.startRate() : 10;
                        yield search(LoadPlan.CapacityModel.ARRIVALS, start, 0, o.maxConcurrentUsers(), graceful);
                    }
                    case LoadPlan.Capacity k -> k;
                };
        };
    }

    /** A new search from {@code start}: steps of {@code start} up to ten times it, each held 30 s. */
    private static LoadPlan.Capacity search(
            LoadPlan.CapacityModel model, double start, double spawnRate, int maxConcurrent, Duration graceful) {
        return new LoadPlan.Capacity(
                model,
                start,
                start,
                LoadPlan.StepMode.ADD,
                DEFAULT_HOLD,
                start * 10,
                LoadPlan.Capacity.DEFAULT_REFINEMENTS,
                spawnRate > 0 ? spawnRate : LoadPlan.Capacity.DEFAULT_SPAWN_RATE,
                maxConcurrent > 0 ? maxConcurrent : LoadPlan.Capacity.DEFAULT_MAX_CONCURRENT_USERS,
                graceful);
    }

    private static Duration duration(LoadPlan plan) {
        return plan instanceof LoadPlan.Capacity ? Duration.ofSeconds(60) : plan.duration();
    }
}
