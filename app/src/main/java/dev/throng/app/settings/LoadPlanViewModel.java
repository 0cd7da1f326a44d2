package dev.throng.app.settings;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The load-plan editor: the model (closed or open), its stages, and the preview curve of users (closed) or arrivals
 * per second (open) over time, computed with the engine's load maths.
 *
 * <p>Confined to the thread that made it (the FX thread in the app). Times are seconds.
 */
public final class LoadPlanViewModel {

    /** A point of the preview: {@code seconds} since the start, {@code value} users or arrivals/s. */
    public record Point(double seconds, double value) {}

    /**
     * A stage as a table row.
     *
     * @param seconds its length, s
     * @param target users (closed) or arrivals/s (open) at its end
     * @param rate users/s to move at (closed only); {@code null} for a linear move over the stage
     */
    public record StageRow(long seconds, double target, Double rate) {}

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ObservableList<Point> pointsView = FXCollections.unmodifiableObservableList(points);

    public LoadPlanViewModel(ProjectDocument document) {
        this.document = document;
        document.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** "20 users at 5/s for 60 s", for a caption. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<StageRow> stages() {
        return stagesView;
    }

    public ObservableList<Point> points() {
        return pointsView;
    }

    private void refresh() {
        owner.check();
        LoadPlan plan = document.project().loadPlan();
        open.set(plan instanceof LoadPlan.Open);
        var rows = new ArrayList<StageRow>();
        switch (plan) {
            case LoadPlan.Closed c -> {
                c.stages().forEach(s -> rows.add(new StageRow(s.duration().toSeconds(), s.target(), s.rate())));
                summary.set(
                        c.stages().isEmpty()
                                ? c.users() + " users, started at " + fmt(c.spawnRate()) + "/s, for "
                                        + c.duration().toSeconds() + " s"
                                : c.stages().size() + (c.stages().size() == 1 ? " stage, " : " stages, ")
                                        + c.duration().toSeconds() + " s");
            }
            case LoadPlan.Open o -> {
                o.stages().forEach(s -> rows.add(new StageRow(s.duration().toSeconds(), s.target(), null)));
                summary.set("arrivals from " + fmt(o.startRate()) + "/s, at most " + o.maxConcurrentUsers()
                        + " at once, " + o.duration().toSeconds() + " s");
            }
            case LoadPlan.Capacity k ->
                summary.set("capacity search from " + fmt(k.start()) + " to " + fmt(k.upperBound())
                        + (k.model() == LoadPlan.CapacityModel.USERS ? " users" : " arrivals/s") + ", at most "
                        + k.duration().toSeconds() + " s");
        }
        stages.setAll(rows);
        points.setAll(curve(plan));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Samples of the preview curve. */
    public static final int SAMPLES = 240;

    /**
     * The planned users (closed) or arrivals/s (open) over the whole run, sampled {@link #SAMPLES} + 1 times from the
     * engine's schedule of the plan ({@code engine.load}), so the preview is what a run will do.
     */
    public static List<Point> curve(LoadPlan plan) {
        var out = new ArrayList<Point>();
        switch (plan) {
            case LoadPlan.Closed c -> {
                var schedule = ClosedSchedule.of(c);
                long total = schedule.durationNanos();
                for (int i = 0; i <= SAMPLES; i++) {
                    long t = total / SAMPLES * i;
                    out.add(new Point(t / 1e9, schedule.usersAt(t)));
                }
            }
            case LoadPlan.Open o -> {
                var schedule = OpenSchedule.of(o);
                long total = schedule.durationNanos();
                for (int i = 0; i <= SAMPLES; i++) {
                    long t = Math.min(total - 1, total / SAMPLES * i);
                    out.add(new Point(t / 1e9, schedule.arrivalRateAt(Math.max(0, t))));
                }
            }
            case LoadPlan.Capacity k -> {
                // the upward steps only: where the search narrows depends on the run
                double hold = k.hold().toNanos() / 1e9;
                var loads = k.ladder();
                for (int i = 0; i < loads.size(); i++) {
                    out.add(new Point(i * hold, loads.get(i)));
                    out.add(new Point((i + 1) * hold, loads.get(i)));
                }
            }
        }
        return out;
    }

    // ---- edits

    /** Switches between the closed model (users) and the open model (arrivals), keeping the duration. */
    public void setOpen(boolean value) {
        owner.check();
        LoadPlan plan = document.project().loadPlan();
        if (value == (plan instanceof LoadPlan.Open)) {
            return;
        }
        LoadPlan next = value
                ? new LoadPlan.Open(10, List.of(), 100, plan.duration(), plan.gracefulStop())
                : new LoadPlan.Closed(10, 2, List.of(), plan.duration(), plan.gracefulStop());
        document.edit(p -> p.withLoadPlan(next));
    }

    /** Replaces the stages (seconds must be above 0, targets and rates 0 or more); returns an error or null. */
    public String setStages(List<StageRow> rows) {
        owner.check();
        for (StageRow r : rows) {
            if (r.seconds() <= 0 || r.target() < 0 || (r.rate() != null && r.rate() < 0)) {
                return "a stage lasts more than 0 s and its target and rate are 0 or more";
            }
        }
        LoadPlan plan = document.project().loadPlan();
        if (plan instanceof LoadPlan.Capacity) {
            return "a capacity search has no stages: it sets the load itself, step by step";
        }
        LoadPlan next = switch (plan) {
            case LoadPlan.Closed c ->
                c.withStages(rows.stream()
                                .map(r -> new LoadPlan.Stage(
                                        Duration.ofSeconds(r.seconds()), (int) Math.round(r.target()), r.rate()))
                                .toList())
                        .withDuration(Duration.ofSeconds(
                                rows.stream().mapToLong(StageRow::seconds).sum()));
            case LoadPlan.Open o ->
                o.withStages(rows.stream()
                                .map(r -> new LoadPlan.RateStage(Duration.ofSeconds(r.seconds()), r.target()))
                                .toList())
                        .withDuration(Duration.ofSeconds(
                                rows.stream().mapToLong(StageRow::seconds).sum()));
            case LoadPlan.Capacity k -> k;
        };
        if (rows.isEmpty()) {
            next = switch (next) {
                case LoadPlan.Closed c -> c.withDuration(plan.duration());
                case LoadPlan.Open o -> o.withDuration(plan.duration());
                case LoadPlan.Capacity k -> k;
            };
        }
        LoadPlan result = next;
        document.edit(p -> p.withLoadPlan(result));
        return null;
    }

    public void addStage() {
        var rows = new ArrayList<>(stages);
        double last = rows.isEmpty() ? 10 : rows.getLast().target();
        rows.add(new StageRow(30, last, null));
        setStages(rows);
    }

    public void removeStage(int index) {
        var rows = new ArrayList<>(stages);
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
            setStages(rows);
        }
    }
}
