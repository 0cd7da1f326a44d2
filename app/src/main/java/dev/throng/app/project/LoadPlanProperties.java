package dev.throng.app.project;

import static dev.throng.app.project.PropertyRows.nonNegative;
import static dev.throng.app.project.PropertyRows.positive;

import dev.throng.app.settings.PlanKind;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The property rows of the load plan: its kind (closed, open, capacity search) and its numbers. Times in s. */
final class LoadPlanProperties {
    static final String CLOSED = "closed (users)";
    static final String OPEN = "open (arrivals)";
    static final String CAPACITY = "capacity search";

    private LoadPlanProperties() {}

    /** The plan switched to the other model, keeping duration and graceful stop; the same plan when already so. */
    static LoadPlan switchTo(LoadPlan plan, boolean open) {
        return (open ? PlanKind.OPEN : PlanKind.CLOSED).convert(plan);
    }

    private static PlanKind kind(String text) {
        return switch (text) {
            case OPEN -> PlanKind.OPEN;
            case CAPACITY -> PlanKind.CAPACITY;
            default -> PlanKind.CLOSED;
        };
    }

    private static String text(LoadPlan plan) {
        return switch (PlanKind.of(plan)) {
            case CLOSED -> CLOSED;
            case OPEN -> OPEN;
            case CAPACITY -> CAPACITY;
        };
    }

    private static int stageCount(LoadPlan plan) {
        return switch (plan) {
            case LoadPlan.Closed c -> c.stages().size();
            case LoadPlan.Open o -> o.stages().size();
            case LoadPlan.Capacity k -> 0;
        };
    }

    static void add(PropertyRows rows, List<PropertyRow> out) {
        String m = "Model";
        out.add(rows.<String>choice(
                m,
                "Model",
                "closed: a number of users, each looping its main flow; open: users arrive at a rate, run one"
                        + " iteration and leave; capacity search: the load steps up until the thresholds break",
                String.class,
                List.of(CLOSED, OPEN, CAPACITY),
                p -> text(p.loadPlan()),
                (p, v) -> p.withLoadPlan(kind(v).convert(p.loadPlan()))));
        LoadPlan now = rows.project().loadPlan();
        switch (now) {
            case LoadPlan.Closed closed -> {
                String c = "Closed model";
                Function<Project, LoadPlan.Closed> get = p -> (LoadPlan.Closed) p.loadPlan();
                String ignored = closed.stages().isEmpty() ? "" : " (ignored: the stages set the users)";
                out.add(rows.<Integer>row(
                        c,
                        "Users",
                        "target number of concurrent users" + ignored,
                        Integer.class,
                        p -> get.apply(p).users(),
                        (p, v) -> p.withLoadPlan(get.apply(p).withUsers(nonNegative(v)))));
                out.add(rows.<Double>row(
                        c,
                        "Spawn rate (users/s)",
                        "users started per second" + ignored,
                        Double.class,
                        p -> get.apply(p).spawnRate(),
                        (p, v) -> p.withLoadPlan(get.apply(p).withSpawnRate(positive(v)))));
            }
            case LoadPlan.Open open -> {
                String c = "Open model";
                Function<Project, LoadPlan.Open> get = p -> (LoadPlan.Open) p.loadPlan();
                out.add(rows.<Double>row(
                        c,
                        "Start rate (arrivals/s)",
                        "arrivals per second at the beginning (the stages move it)",
                        Double.class,
                        p -> get.apply(p).startRate(),
                        (p, v) -> {
                            var o = get.apply(p);
                            return p.withLoadPlan(new LoadPlan.Open(
                                    nonNegative(v),
                                    o.stages(),
                                    o.maxConcurrentUsers(),
                                    o.duration(),
                                    o.gracefulStop()));
                        }));
                out.add(rows.<Integer>row(
                        c,
                        "Max concurrent users",
                        "the most iterations in progress at once; arrivals beyond are counted as dropped",
                        Integer.class,
                        p -> get.apply(p).maxConcurrentUsers(),
                        (p, v) -> {
                            var o = get.apply(p);
                            return p.withLoadPlan(new LoadPlan.Open(
                                    o.startRate(), o.stages(), positive(v), o.duration(), o.gracefulStop()));
                        }));
            }
            case LoadPlan.Capacity k -> {
                CapacityProperties.add(rows, k, out);
                return; // a search has no duration of its own (its steps set it) and no stages
            }
        }
        String t = "Time";
        out.add(rows.<Long>row(
                t,
                "Duration (s)",
                "the whole run, s (with stages: at least their sum; the last target is then held)",
                Long.class,
                p -> p.loadPlan().duration().toSeconds(),
                (p, v) -> p.withLoadPlan(
                        switch (p.loadPlan()) {
                            case LoadPlan.Closed c -> c.withDuration(Duration.ofSeconds(positive(v)));
                            case LoadPlan.Open o -> o.withDuration(Duration.ofSeconds(positive(v)));
                            case LoadPlan.Capacity k -> k;
                        })));
        out.add(rows.<Long>row(
                t,
                "Graceful stop (s)",
                "how long users may finish their step when stopping, s",
                Long.class,
                p -> p.loadPlan().gracefulStop().toSeconds(),
                (p, v) -> p.withLoadPlan(p.loadPlan().withGracefulStop(Duration.ofSeconds(nonNegative(v))))));
        out.add(rows.row(
                t,
                "Stages",
                "edit the stages in the table of the load plan",
                String.class,
                p -> stageCount(p.loadPlan()) == 0 ? "none" : Integer.toString(stageCount(p.loadPlan())),
                null));
    }
}
