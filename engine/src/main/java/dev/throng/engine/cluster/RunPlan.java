package dev.throng.engine.cluster;

import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.internal.CapacityDriver;
import java.util.Map;

/**
 * What a distributed run is set to do, worked out before it starts: the project with its plan overridden, the run's
 * length, the files shipped to the agents and the rows of its unique data sources. Immutable.
 *
 * @param project the project, its load plan with the overrides applied
 * @param durationNanos the run's length, ns
 * @param dataFiles the files shipped to the agents, by relative path (none for a local run)
 * @param uniqueRows the rows of each unique data source by id (none tracked for a local run)
 * @param local a local run: one agent in this process that reads the project's folder itself, whose start problems
 *     are the start's and whose warnings are shown as they are
 * @param capacity the capacity search the controller drives, or null; {@code project}'s plan is then its base plan
 *     (what the agents run, its target moved by the search)
 */
record RunPlan(
        Project project,
        long durationNanos,
        Map<String, byte[]> dataFiles,
        Map<String, Long> uniqueRows,
        boolean local,
        LoadPlan.Capacity capacity) {

    /**
     * Checks the project and reads its files.
     *
     * @throws dev.throng.engine.run.RunStartException when the project cannot run (the message says why)
     */
    static RunPlan of(Project project, RunOptions options, Overrides overrides, boolean local) {
        Project effective = project.withLoadPlan(overrides.applyTo(project.loadPlan()));
        ProjectShipping.requireRunnable(effective, options.projectDirectory());
        LoadPlan.Capacity capacity = effective.loadPlan() instanceof LoadPlan.Capacity k ? k : null;
        if (capacity != null) {
            // agents run the base plan, which the search moves (their shared pools sized for its highest load)
            effective = CapacityDriver.forAgents(effective.withLoadPlan(capacity.basePlan()), capacity);
        }
        long duration = switch (effective.loadPlan()) {
            case LoadPlan.Closed c -> ClosedSchedule.of(c).durationNanos();
            case LoadPlan.Open o -> OpenSchedule.of(o).durationNanos();
            case LoadPlan.Capacity k -> k.duration().toNanos();
        };
        if (overrides.duration() != null) {
            duration = overrides.duration().toNanos();
        }
        if (local) {
            return new RunPlan(effective, duration, Map.of(), Map.of(), true, capacity);
        }
        return new RunPlan(
                effective,
                duration,
                ProjectShipping.readFiles(effective, options.projectDirectory()),
                ProjectShipping.uniqueRowCounts(effective, options.projectDirectory()),
                false,
                capacity);
    }
}
