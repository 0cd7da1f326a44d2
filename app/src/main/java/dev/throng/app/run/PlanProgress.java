package dev.throng.app.run;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run is in its plan: the fraction done, the stage it is in, and where the stages end (for marks on the
 * progress bar). A pure function of the plan and the elapsed time. Immutable.
 *
 * @param fraction elapsed share of the planned duration in {@code [0, 1]}
 * @param label what the plan does now, e.g. "Stage 2 of 3: to 50 users"
 * @param stageEnds where each stage ends, as fractions of the planned duration, in order (empty without stages)
 */
record PlanProgress(double fraction, String label, List<Double> stageEnds) {

    /** Before a run. */
    static final PlanProgress NONE = new PlanProgress(0, "", List.of());

    PlanProgress {
        stageEnds = List.copyOf(stageEnds);
    }

    static PlanProgress of(LoadPlan plan, long elapsedMillis, long plannedMillis) {
        long planned = plannedMillis > 0 ? plannedMillis : plan.duration().toMillis();
        double fraction = planned <= 0 ? 0 : Math.clamp((double) elapsedMillis / planned, 0.0, 1.0);
        List<Duration> lengths = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        switch (plan) {
            case LoadPlan.Closed c -> {
                for (LoadPlan.Stage s : c.stages()) {
                    lengths.add(s.duration());
                    labels.add("to " + s.target() + " users");
                }
                if (c.stages().isEmpty()) {
                    double rampSeconds = c.spawnRate() > 0 ? c.users() / c.spawnRate() : 0;
                    String label = elapsedMillis < rampSeconds * 1000
                            ? "Ramping to " + c.users() + " users at " + Figures.rate(c.spawnRate()) + "/s"
                            : "Holding " + c.users() + " users";
                    return new PlanProgress(fraction, label, List.of());
                }
            }
            case LoadPlan.Open o -> {
                for (LoadPlan.RateStage s : o.stages()) {
                    lengths.add(s.duration());
                    labels.add("to " + Figures.rate(s.target()) + " arrivals/s");
                }
                if (o.stages().isEmpty()) {
                    return new PlanProgress(
                            fraction, "Constant " + Figures.rate(o.startRate()) + " arrivals/s", List.of());
                }
            }
            case LoadPlan.Capacity k -> {
                return new PlanProgress(fraction, "Capacity search", List.of());
            }
        }
        List<Double> ends = new ArrayList<>();
        long end = 0;
        int current = -1;
        for (int i = 0; i < lengths.size(); i++) {
            end += lengths.get(i).toMillis();
            ends.add(planned <= 0 ? 1.0 : Math.min(1.0, (double) end / planned));
            if (current < 0 && elapsedMillis < end) {
                current = i;
            }
        }
        String label = current < 0
                ? "After the stages: holding the last target"
                : "Stage " + (current + 1) + " of " + lengths.size() + ": " + labels.get(current);
        return new PlanProgress(fraction, label, ends);
    }
}
