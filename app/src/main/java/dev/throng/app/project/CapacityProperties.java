package dev.throng.app.project;

import dev.throng.app.run.ObjectiveText;
import dev.throng.app.settings.CapacityEdits;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The property rows of a capacity-search plan (its model, steps and bounds). Loads in users or arrivals/s; times s. */
final class CapacityProperties {
    static final String USERS = "users";
    static final String ARRIVALS = "arrivals/s";
    static final String ADD = "add";
    static final String MULTIPLY = "multiply";

    private CapacityProperties() {}

    static void add(PropertyRows rows, LoadPlan.Capacity now, List<PropertyRow> out) {
        String c = "Capacity search";
        Function<Project, LoadPlan.Capacity> get = p -> (LoadPlan.Capacity) p.loadPlan();
        String unit = now.model() == LoadPlan.CapacityModel.USERS ? USERS : ARRIVALS;
        out.add(rows.<String>choice(
                c,
                "Counts",
                "users: concurrent users looping their main flow (closed model); arrivals/s: arrivals per second,"
                        + " each running one iteration (open model)",
                String.class,
                List.of(USERS, ARRIVALS),
                p -> get.apply(p).model() == LoadPlan.CapacityModel.USERS ? USERS : ARRIVALS,
                edit(
                        get,
                        (k, v) -> CapacityEdits.model(
                                k,
                                ARRIVALS.equals(v) ? LoadPlan.CapacityModel.ARRIVALS : LoadPlan.CapacityModel.USERS))));
        out.add(rows.<Double>row(
                c,
                "Start (" + unit + ")",
                "the first step's load",
                Double.class,
                p -> get.apply(p).start(),
                edit(get, CapacityEdits::start)));
        out.add(rows.<String>choice(
                c,
                "Step mode",
                "add: the step is added to the load; multiply: the load is multiplied by the step",
                String.class,
                List.of(ADD, MULTIPLY),
                p -> get.apply(p).stepMode() == LoadPlan.StepMode.ADD ? ADD : MULTIPLY,
                edit(
                        get,
                        (k, v) -> CapacityEdits.stepMode(
                                k, MULTIPLY.equals(v) ? LoadPlan.StepMode.MULTIPLY : LoadPlan.StepMode.ADD))));
        out.add(rows.<Double>row(
                c,
                "Step",
                "added to the load at each step, or the factor it is multiplied by (above 1)",
                Double.class,
                p -> get.apply(p).step(),
                edit(get, CapacityEdits::step)));
        out.add(rows.<Long>row(
                c,
                "Hold (s)",
                "how long each step is held and judged, s",
                Long.class,
                p -> get.apply(p).hold().toSeconds(),
                edit(get, CapacityEdits::holdSeconds)));
        out.add(rows.<Double>row(
                c,
                "Upper bound (" + unit + ")",
                "the highest load the search tries",
                Double.class,
                p -> get.apply(p).upperBound(),
                edit(get, CapacityEdits::upperBound)));
        out.add(rows.<Integer>row(
                c,
                "Refinements",
                "narrowing steps between the last good and the first bad load, 0 to " + CapacityEdits.MAX_REFINEMENTS,
                Integer.class,
                p -> get.apply(p).refinements(),
                edit(get, CapacityEdits::refinements)));
        if (now.model() == LoadPlan.CapacityModel.USERS) {
            out.add(rows.<Double>row(
                    c,
                    "Spawn rate (users/s)",
                    "users started or stopped per second between steps",
                    Double.class,
                    p -> get.apply(p).spawnRate(),
                    edit(get, CapacityEdits::spawnRate)));
        } else {
            out.add(rows.<Integer>row(
                    c,
                    "Max concurrent users",
                    "the most iterations in progress at once; arrivals beyond are counted as dropped",
                    Integer.class,
                    p -> get.apply(p).maxConcurrentUsers(),
                    edit(get, CapacityEdits::maxConcurrentUsers)));
        }
        out.add(rows.<Long>row(
                c,
                "Graceful stop (s)",
                "how long users may finish their step when stopping, s",
                Long.class,
                p -> get.apply(p).gracefulStop().toSeconds(),
                edit(get, CapacityEdits::gracefulStopSeconds)));
        out.add(rows.<String>row(
                c,
                "At most",
                "the longest the search can take: every upward and narrowing step, each held",
                String.class,
                p -> ObjectiveText.length(get.apply(p).duration().toSeconds()),
                null));
    }

    private static <T> BiFunction<Project, T, Project> edit(
            Function<Project, LoadPlan.Capacity> get, BiFunction<LoadPlan.Capacity, T, LoadPlan.Capacity> change) {
        return (p, v) -> p.withLoadPlan(change.apply(get.apply(p), v));
    }
}
