package dev.throng.app.run;

import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The figures of one run as the dashboard shows them, taken from the engine's snapshots: times, users, progress,
 * warnings, the statistics rows (filtered and cut to the busiest), failures, agents and the chart history.
 *
 * <p>Part of {@link RunViewModel}; confined to its owner thread.
 */
final class RunFigures {
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(this, "elapsedText", "0:00");
    private final ReadOnlyObjectWrapper<PlanProgress> progress =
            new ReadOnlyObjectWrapper<>(this, "progress", PlanProgress.NONE);
    private final ReadOnlyStringWrapper usersText = new ReadOnlyStringWrapper(this, "usersText", "");
    private final ReadOnlyObjectWrapper<StatsRow> total = new ReadOnlyObjectWrapper<>(this, "total");
    private final ReadOnlyStringWrapper rowsNote = new ReadOnlyStringWrapper(this, "rowsNote", "");
    private final ReadOnlyObjectWrapper<RunSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<StatsRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FailureStats> failures = FXCollections.observableArrayList();
    private final ObservableList<AgentStatus> agents = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // One read-only view each, made once: such a view listens to its list weakly, so a view made per call and
    // dropped would silently lose the listeners added to it.
    private final ObservableList<StatsRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FailureStats> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final ObservableList<AgentStatus> agentsView = FXCollections.unmodifiableObservableList(agents);
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ChartHistory history = new ChartHistory();
    private final int maxRows;

    private StatsSnapshot lastStats;
    private long lastDropped;
    private String filter = "";
    /** A saved run shows each row's rate over the whole run rather than over the last interval. */
    private boolean saved;

    RunFigures(int maxRows) {
        this.maxRows = maxRows;
    }

    ReadOnlyStringProperty elapsedText() {
        return elapsedText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<PlanProgress> progress() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty usersText() {
        return usersText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<StatsRow> total() {
        return total.getReadOnlyProperty();
    }

    ReadOnlyStringProperty rowsNote() {
        return rowsNote.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RunSnapshot> snapshot() {
        return snapshot.getReadOnlyProperty();
    }

    ObservableList<StatsRow> rows() {
        return rowsView;
    }

    ObservableList<FailureStats> failures() {
        return failuresView;
    }

    ObservableList<AgentStatus> agents() {
        return agentsView;
    }

    ObservableList<String> warnings() {
        return warningsView;
    }

    ChartHistory history() {
        return history;
    }

    /**
     * Shows a snapshot; with {@code newStats}, also its statistics and one more chart point.
     *
     * @param plan the plan being run (for the progress over its stages), or null
     * @param open whether the plan is the open model
     */
    void show(RunSnapshot s, boolean newStats, LoadPlan plan, boolean open) {
        snapshot.set(s);
        elapsedText.set(Figures.clock(s.elapsedMillis()) + " / " + Figures.clock(s.plannedMillis()));
        if (plan != null) {
            progress.set(PlanProgress.of(plan, s.elapsedMillis(), s.plannedMillis()));
        }
        usersText.set(
                open
                        ? s.users() + " busy · " + Figures.rate(s.arrivalRate()) + " arrivals/s · "
                                + Figures.count(s.dropped()) + " dropped"
                        : s.users() + " of " + s.targetUsers() + " users");
        LinkedHashSet<String> all = new LinkedHashSet<>(s.warnings());
        if (s.stats() != null) {
            all.addAll(s.stats().warnings());
        }
        setIfChanged(warnings, List.copyOf(all));
        setIfChanged(agents, s.agents());
        StatsSnapshot st = s.stats();
        if (newStats && st != null && st.sequence() > 0) {
            showStats(st);
            var t = st.intervalTotal();
            double seconds = st.intervalMillis() > 0 ? st.intervalMillis() / 1000.0 : 1.0;
            long droppedNow = s.dropped() - lastDropped;
            lastDropped = s.dropped();
            history.add(new SamplePoint(
                    st.elapsedMillis(),
                    s.users(),
                    t.rps(),
                    t.failures() / seconds,
                    t.latency().p50Ms(),
                    t.latency().p95Ms(),
                    t.latency().p99Ms(),
                    open ? s.arrivalRate() : Double.NaN,
                    Math.max(0, droppedNow) / seconds));
        }
    }

    /** Shows a finished run's final statistics, and its own history when the live one missed points. */
    void showResult(RunResult r) {
        if (r.finalStats() != null) {
            showStats(r.finalStats());
        }
        if (r.history().size() > history.size() + 1) {
            history.replaceAll(r.history().stream().map(SamplePoint::of).toList());
        }
    }

    /** Shows a saved run: its final statistics and its own history in place of anything shown before. */
    void showSaved(RunResult r) {
        clear();
        saved = true;
        if (r.finalStats() != null) {
            showStats(r.finalStats());
        }
        history.replaceAll(r.history().stream().map(SamplePoint::of).toList());
        elapsedText.set(Figures.clock(r.durationMillis()));
    }

    /** Shows only rows whose label contains {@code value} (ignoring case). */
    void filter(String value) {
        filter = value == null ? "" : value;
        showRows();
    }

    /** Forgets everything, for a new run. */
    void clear() {
        saved = false;
        lastDropped = 0;
        lastStats = null;
        history.clear();
        rows.clear();
        failures.clear();
        agents.clear();
        warnings.clear();
        total.set(null);
        snapshot.set(null);
        rowsNote.set("");
        elapsedText.set("0:00");
        usersText.set("");
        progress.set(PlanProgress.NONE);
    }

    private void showStats(StatsSnapshot st) {
        lastStats = st;
        showRows();
        var t = st.cumulativeTotal();
        double now = saved && t != null
                ? t.rps()
                : st.intervalTotal() == null ? 0 : st.intervalTotal().rps();
        total.set(t == null ? null : StatsRow.of(t, now));
        setIfChanged(failures, st.failures());
    }

    private void showRows() {
        RowSelection sel = lastStats == null
                ? RowSelection.EMPTY
                : RowSelection.select(
                        lastStats.cumulative(), saved ? lastStats.cumulative() : lastStats.interval(), filter, maxRows);
        rows.setAll(sel.rows());
        if (sel.cut()) {
            rowsNote.set("Showing the busiest " + sel.rows().size() + " of " + Figures.count(sel.matching())
                    + " names; type in the filter to find others.");
        } else if (sel.matching() < sel.all()) {
            rowsNote.set(sel.matching() + " of " + sel.all() + " names match the filter.");
        } else {
            rowsNote.set("");
        }
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> value) {
        if (!list.equals(value)) {
            list.setAll(value);
        }
    }
}
