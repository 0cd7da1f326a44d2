package dev.throng.app.run;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A capacity search as the dashboard shows it, from the engine's {@link CapacityReport}s: one point per step (load,
 * p95, error rate, verdict; the running step provisional), the objective's limits to draw, and the result card's
 * sentences once the search has ended ("Carries 190 users (196 req/s)", "p95 &lt; 100ms broke first at 200 users",
 * "First degraded: GET /capacity", "Reached the upper bound — the limit is above 300 users").
 *
 * <p>Part of {@link RunViewModel}; confined to its owner thread (the FX thread in the app). Loads are users or
 * arrivals/s ({@link #unitProperty()}), latencies ms, error rates percent.
 */
public final class CapacityViewModel {

    /** A step's verdict. */
    public enum Verdict {
        /** Every threshold held over the step. */
        PASSED,
        /** A threshold broke over the step. */
        FAILED,
        /** The step is being held; its figures are provisional. */
        RUNNING
    }

    /**
     * One step of the search, as a chart point and a table row.
     *
     * @param index the step's number, from 1, in the order run
     * @param load users or arrivals/s
     * @param narrowing true for a step between the last good and the first bad load
     * @param requestsPerSecond over the judged part of the step
     * @param p95Millis 95th percentile, ms
     * @param errorPercent failed requests in percent, 0..100
     * @param verdict passed, failed, or running (provisional)
     * @param brokenRules the rules that broke, in words ("p95 &lt; 100ms"); empty unless failed
     */
    public record StepPoint(
            int index,
            double load,
            boolean narrowing,
            double requestsPerSecond,
            double p95Millis,
            double errorPercent,
            Verdict verdict,
            List<String> brokenRules) {
        public StepPoint {
            brokenRules = List.copyOf(brokenRules);
        }

        static StepPoint of(CapacityStep s) {
            Verdict v = s.running() ? Verdict.RUNNING : s.passed() ? Verdict.PASSED : Verdict.FAILED;
            return new StepPoint(
                    s.index(),
                    s.load(),
                    s.narrowing(),
                    s.requestsPerSecond(),
                    s.p95Millis(),
                    s.errorRate() * 100,
                    v,
                    s.running()
                            ? List.of()
                            : s.brokenRules().stream().map(ObjectiveText::rule).toList());
        }
    }

    private final ThreadOwner owner = new ThreadOwner();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "users");
    private final ReadOnlyStringWrapper objective = new ReadOnlyStringWrapper(this, "objective", "");
    private final ReadOnlyDoubleWrapper p95Limit = new ReadOnlyDoubleWrapper(this, "p95Limit", Double.NaN);
    private final ReadOnlyDoubleWrapper errorLimit = new ReadOnlyDoubleWrapper(this, "errorLimit", Double.NaN);
    private final ReadOnlyStringWrapper p95Rule = new ReadOnlyStringWrapper(this, "p95Rule", "");
    private final ReadOnlyStringWrapper errorRule = new ReadOnlyStringWrapper(this, "errorRule", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper brokeFirst = new ReadOnlyStringWrapper(this, "brokeFirst", "");
    private final ReadOnlyStringWrapper degraded = new ReadOnlyStringWrapper(this, "degraded", "");
    private final ReadOnlyStringWrapper upperBound = new ReadOnlyStringWrapper(this, "upperBound", "");
    private final ObservableList<StepPoint> steps = FXCollections.observableArrayList();
    private final ObservableList<StepPoint> stepsView = FXCollections.unmodifiableObservableList(steps);
    private CapacityReport shown;
    private int version;

    /** True while the run (or saved run) shown is a capacity search. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** True once the search has ended: the result card's sentences are set. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** What the load counts: "users" or "arrivals/s". */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    /** The objective in words: "p95 &lt; 500ms, errors &lt; 1%". */
    public ReadOnlyStringProperty objectiveProperty() {
        return objective.getReadOnlyProperty();
    }

    /** The p95 limit of the objective (an unscoped p95 rule), ms; NaN when there is none. */
    public ReadOnlyDoubleProperty p95LimitProperty() {
        return p95Limit.getReadOnlyProperty();
    }

    /** The error-rate limit of the objective (an unscoped error_rate rule), percent; NaN when there is none. */
    public ReadOnlyDoubleProperty errorLimitProperty() {
        return errorLimit.getReadOnlyProperty();
    }

    /** The rule behind {@link #p95LimitProperty()} in words ("p95 &lt; 100ms"); empty when there is none. */
    public ReadOnlyStringProperty p95RuleProperty() {
        return p95Rule.getReadOnlyProperty();
    }

    /** The rule behind {@link #errorLimitProperty()} in words ("errors &lt; 1%"); empty when there is none. */
    public ReadOnlyStringProperty errorRuleProperty() {
        return errorRule.getReadOnlyProperty();
    }

    /** Where the search is: "Step 4 at 40 users: holding…", "Step 6 at 35 users (narrowing): holding…". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * "Carries 190 users (196 req/s)", or "Does not carry even the first step's 10 users"; empty until the search ends.
     */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "p95 &lt; 100ms broke first at 200 users"; empty when no rule broke. */
    public ReadOnlyStringProperty brokeFirstProperty() {
        return brokeFirst.getReadOnlyProperty();
    }

    /** "First degraded: GET /capacity"; empty when none is known. */
    public ReadOnlyStringProperty degradedProperty() {
        return degraded.getReadOnlyProperty();
    }

    /** "Reached the upper bound — the limit is above 300 users" when every upward step passed; empty otherwise. */
    public ReadOnlyStringProperty upperBoundProperty() {
        return upperBound.getReadOnlyProperty();
    }

    /** Every step so far, in the order run (the last may be running). */
    public ObservableList<StepPoint> steps() {
        return stepsView;
    }

    /** Grows each time the steps change, so a chart refills only then. */
    public int version() {
        return version;
    }

    /** The judged steps ordered by load (ties: the later step), for the curves against load. */
    public List<StepPoint> judgedByLoad() {
        var out = new ArrayList<StepPoint>();
        for (StepPoint p : steps) {
            if (p.verdict() != Verdict.RUNNING) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingDouble(StepPoint::load).thenComparingInt(StepPoint::index));
        return out;
    }

    /** The steps with {@code verdict}, in the order run. */
    public List<StepPoint> withVerdict(Verdict verdict) {
        return steps.stream().filter(p -> p.verdict() == verdict).toList();
    }

    /** Shows {@code report}; null means the run is not a capacity search (everything is cleared). */
    public void show(CapacityReport report) {
        owner.check();
        if (report == null) {
            clear();
            return;
        }
        if (report.equals(shown)) {
            return;
        }
        shown = report;
        active.set(true);
        String u = report.model() == LoadPlan.CapacityModel.ARRIVALS ? "arrivals/s" : "users";
        unit.set(u);
        showObjective(report.objective());
        var next = report.steps().stream().map(StepPoint::of).toList();
        if (!next.equals(steps)) {
            steps.setAll(next);
            version++;
        }
        CapacityStep last = report.steps().isEmpty() ? null : report.steps().getLast();
        if (report.finished()) {
            status.set("Search ended after " + report.steps().size()
                    + (report.steps().size() == 1 ? " step" : " steps"));
        } else if (last != null && last.running()) {
            status.set("Step " + last.index() + " at " + load(last.load(), u) + (last.narrowing() ? " (narrowing)" : "")
                    + ": holding…");
        } else {
            status.set("Searching…");
        }
        finished.set(report.finished());
        showCard(report, u);
    }

    /**
     * Shows what a finished run found, once the run is over: like {@link #show}, and a search that did not finish (the
     * run was stopped) still gets its card, saying so.
     */
    public void showResult(CapacityReport report) {
        owner.check();
        show(report);
        if (report != null && !report.finished()) {
            finished.set(true);
            status.set("Search stopped after " + report.steps().size()
                    + (report.steps().size() == 1 ? " step" : " steps"));
            showCard(report, unit.get());
        }
    }

    /** Forgets the search, for a new run. */
    public void clear() {
        owner.check();
        shown = null;
        active.set(false);
        finished.set(false);
        objective.set("");
        p95Limit.set(Double.NaN);
        errorLimit.set(Double.NaN);
        p95Rule.set("");
        errorRule.set("");
        status.set("");
        headline.set("");
        brokeFirst.set("");
        degraded.set("");
        upperBound.set("");
        if (!steps.isEmpty()) {
            steps.clear();
            version++;
        }
    }

    private void showObjective(List<String> rules) {
        var parsed = new ArrayList<Threshold>();
        double p95 = Double.NaN;
        double errors = Double.NaN;
        String p95Text = "";
        String errorText = "";
        for (String rule : rules) {
            try {
                Threshold t = Threshold.parse(rule);
                parsed.add(t);
                if (t.scope() == null && t.metric() == Threshold.Metric.P95) {
                    p95 = t.value();
                    p95Text = ObjectiveText.rule(t);
                } else if (t.scope() == null && t.metric() == Threshold.Metric.ERROR_RATE) {
                    errors = t.value() * 100;
                    errorText = ObjectiveText.rule(t);
                }
            } catch (IllegalArgumentException e) {
                // a rule the app cannot read is still listed in words, but not drawn
            }
        }
        objective.set(String.join(", ", rules.stream().map(ObjectiveText::rule).toList()));
        p95Limit.set(p95);
        errorLimit.set(errors);
        p95Rule.set(p95Text);
        errorRule.set(errorText);
    }

    private void showCard(CapacityReport r, String u) {
        if (!finished.get()) {
            headline.set("");
            brokeFirst.set("");
            degraded.set("");
            upperBound.set("");
            return;
        }
        String carries;
        if (r.maxLoad() > 0) {
            carries = "Carries " + load(r.maxLoad(), u) + " (" + Figures.rate(r.requestsPerSecondAtMax()) + " req/s)";
        } else if (r.steps().stream().anyMatch(s -> !s.running())) {
            carries = "Does not carry even the first step's "
                    + load(r.steps().getFirst().load(), u);
        } else {
            carries = "No step was judged";
        }
        headline.set(r.finished() ? carries : carries + " — the search was stopped before it ended");
        CapacityStep firstBad = r.steps().stream()
                .filter(s -> !s.running() && !s.passed() && !s.narrowing())
                .findFirst()
                .orElse(null);
        brokeFirst.set(
                r.brokenRule() == null
                        ? ""
                        : ObjectiveText.rule(r.brokenRule()) + " broke first"
                                + (firstBad == null ? "" : " at " + load(firstBad.load(), u)));
        degraded.set(
                r.firstDegradedNames().isEmpty()
                        ? ""
                        : "First degraded: "
                                + String.join(
                                        ", ",
                                        r.firstDegradedNames()
                                                .subList(
                                                        0,
                                                        Math.min(
                                                                3,
                                                                r.firstDegradedNames()
                                                                        .size()))));
        double highest =
                r.steps().stream().mapToDouble(CapacityStep::load).max().orElse(r.maxLoad());
        upperBound.set(r.reachedUpperBound() ? "Reached the upper bound — the limit is above " + load(highest, u) : "");
    }

    /** "190 users", "12.5 arrivals/s". */
    static String load(double value, String unit) {
        return ObjectiveText.load(value) + " " + unit;
    }
}
