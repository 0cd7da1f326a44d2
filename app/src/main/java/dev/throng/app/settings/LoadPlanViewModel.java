package dev.throng.app.settings;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.run.ObjectiveText;
import dev.throng.engine.load.ClosedSchedule;
import dev.throng.engine.load.OpenSchedule;
import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The load-plan editor: the kind of plan (closed, open or capacity search), the stages of the closed and open models,
 * the fields of a capacity search with a line saying how long it may take and what it is judged by, and the preview
 * curve of users or arrivals per second over time (a search's upward ladder), computed with the engine's load maths.
 * Every change is one undoable edit of the document.
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

    /** A number field of a capacity search, edited as text. */
    public enum Field {
        /** The first step's load, users or arrivals/s. */
        START("Start"),
        /** Added to the load (or the factor it is multiplied by) at each step. */
        STEP("Step"),
        /** How long each step is held, s. */
        HOLD("Hold (s)"),
        /** The highest load tried, users or arrivals/s. */
        UPPER_BOUND("Upper bound"),
        /** Narrowing steps after the first bad step. */
        REFINEMENTS("Refinements"),
        /** Users started per second between steps (users model only). */
        SPAWN_RATE("Spawn rate (users/s)"),
        /** The most iterations in progress at once (arrivals model only). */
        MAX_CONCURRENT("Max concurrent users"),
        /** How long users may finish their step when stopping, s. */
        GRACEFUL_STOP("Graceful stop (s)");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the field means something for a search of {@code model}. */
        public boolean appliesTo(LoadPlan.CapacityModel model) {
            return switch (this) {
                case SPAWN_RATE -> model == LoadPlan.CapacityModel.USERS;
                case MAX_CONCURRENT -> model == LoadPlan.CapacityModel.ARRIVALS;
                default -> true;
            };
        }
    }

    /** The refusal of a text that is not a number. */
    public static final String BAD_NUMBER = "enter a number";

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyObjectWrapper<PlanKind> kind = new ReadOnlyObjectWrapper<>(this, "kind", PlanKind.CLOSED);
    private final ReadOnlyObjectWrapper<LoadPlan.Capacity> capacity = new ReadOnlyObjectWrapper<>(this, "capacity");
    private final ReadOnlyStringWrapper capacityLine = new ReadOnlyStringWrapper(this, "capacityLine", "");
    private final ReadOnlyBooleanWrapper objectiveMissing = new ReadOnlyBooleanWrapper(this, "objectiveMissing");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "users");
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

    /** The kind of the project's plan. */
    public ReadOnlyObjectProperty<PlanKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** The project's plan when it is a capacity search; null otherwise. */
    public ReadOnlyObjectProperty<LoadPlan.Capacity> capacityProperty() {
        return capacity.getReadOnlyProperty();
    }

    /**
     * Under a capacity search's preview: "up to 12 steps, at most 6m; objective: p95 &lt; 500ms, errors &lt; 1%", or,
     * when the project has no thresholds, a warning to add one. Empty for other plans.
     */
    public ReadOnlyStringProperty capacityLineProperty() {
        return capacityLine.getReadOnlyProperty();
    }

    /** True while the plan is a capacity search and the project has no thresholds to judge its steps by. */
    public ReadOnlyBooleanProperty objectiveMissingProperty() {
        return objectiveMissing.getReadOnlyProperty();
    }

    /** What the preview's values count: "users" or "arrivals/s". */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
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
        kind.set(PlanKind.of(plan));
        capacity.set(plan instanceof LoadPlan.Capacity k ? k : null);
        unit.set(
                plan instanceof LoadPlan.Open
                                || (plan instanceof LoadPlan.Capacity k && k.model() == LoadPlan.CapacityModel.ARRIVALS)
                        ? "arrivals/s"
                        : "users");
        var thresholds = document.project().thresholds();
        objectiveMissing.set(plan instanceof LoadPlan.Capacity && thresholds.isEmpty());
        if (plan instanceof LoadPlan.Capacity k) {
            int steps = k.ladder().size() + Math.max(0, k.refinements());
            String head = "up to " + steps + (steps == 1 ? " step" : " steps") + ", at most "
                    + ObjectiveText.length(k.duration().toSeconds()) + "; ";
            capacityLine.set(
                    thresholds.isEmpty()
                            ? head + "add a threshold — the search judges each step by them"
                            : head + "objective: " + ObjectiveText.objective(thresholds));
        } else {
            capacityLine.set("");
        }
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
                        + ObjectiveText.length(k.duration().toSeconds()));
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
        setKind(value ? PlanKind.OPEN : PlanKind.CLOSED);
    }

    /** Makes the plan {@code value}, keeping what it can ({@link PlanKind#convert}), as one undoable edit. */
    public void setKind(PlanKind value) {
        owner.check();
        LoadPlan next = value.convert(document.project().loadPlan());
        document.edit(p -> p.withLoadPlan(next));
    }

    /** The text a capacity field shows; empty when the plan is not a capacity search. */
    public String fieldText(Field field) {
        LoadPlan.Capacity k = capacity.get();
        if (k == null) {
            return "";
        }
        return switch (field) {
            case START -> number(k.start());
            case STEP -> number(k.step());
            case HOLD -> Long.toString(k.hold().toSeconds());
            case UPPER_BOUND -> number(k.upperBound());
            case REFINEMENTS -> Integer.toString(k.refinements());
            case SPAWN_RATE -> number(k.spawnRate());
            case MAX_CONCURRENT -> Integer.toString(k.maxConcurrentUsers());
            case GRACEFUL_STOP -> Long.toString(k.gracefulStop().toSeconds());
        };
    }

    /**
     * Sets a capacity field from its text, as one undoable edit; returns why the value is refused ("enter a number
     * above 0"), or null when applied.
     */
    public String setField(Field field, String text) {
        owner.check();
        String t = text == null ? "" : text.strip();
        try {
            return editCapacity(k -> switch (field) {
                case START -> CapacityEdits.start(k, Double.parseDouble(t));
                case STEP -> CapacityEdits.step(k, Double.parseDouble(t));
                case HOLD -> CapacityEdits.holdSeconds(k, Long.parseLong(t));
                case UPPER_BOUND -> CapacityEdits.upperBound(k, Double.parseDouble(t));
                case REFINEMENTS -> CapacityEdits.refinements(k, Integer.parseInt(t));
                case SPAWN_RATE -> CapacityEdits.spawnRate(k, Double.parseDouble(t));
                case MAX_CONCURRENT -> CapacityEdits.maxConcurrentUsers(k, Integer.parseInt(t));
                case GRACEFUL_STOP -> CapacityEdits.gracefulStopSeconds(k, Long.parseLong(t));
            });
        } catch (NumberFormatException e) {
            return field == Field.START
                            || field == Field.STEP
                            || field == Field.UPPER_BOUND
                            || field == Field.SPAWN_RATE
                    ? BAD_NUMBER
                    : "enter a whole number";
        }
    }

    /** Sets what a capacity search counts (users or arrivals/s), keeping its numbers. */
    public String setCapacityModel(LoadPlan.CapacityModel value) {
        return editCapacity(k -> CapacityEdits.model(k, value));
    }

    /** Sets how a capacity search's step applies (added or multiplied). */
    public String setStepMode(LoadPlan.StepMode value) {
        return editCapacity(k -> CapacityEdits.stepMode(k, value));
    }

    private String editCapacity(UnaryOperator<LoadPlan.Capacity> edit) {
        owner.check();
        if (!(document.project().loadPlan() instanceof LoadPlan.Capacity k)) {
            return "the plan is not a capacity search: choose \"" + PlanKind.CAPACITY.label() + "\" first";
        }
        try {
            LoadPlan.Capacity next = edit.apply(k);
            document.edit(p -> p.withLoadPlan(next));
            return null;
        } catch (NumberFormatException e) {
            throw e; // the caller words it for the field
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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
