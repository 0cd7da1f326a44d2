package dev.throng.engine.run.internal;

import dev.throng.engine.load.CapacitySearch;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsWindow;
import dev.throng.engine.stats.ThresholdVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Carries out a capacity search during a run (local or distributed): on each tick of the run it moves the live target
 * (users or arrivals/s) through the run's own live control, judges each step on the statistics of that step alone, and
 * ends the run (a normal end) when the {@link CapacitySearch} is done.
 *
 * <p>A step starts at its nominal time (the previous step's start plus the hold, so steps do not drift with the
 * ticks). Its first part settles and is not judged: {@code min(hold / 4, 10 s)} plus the time the spawn rate needs to
 * reach the step's users (users model), at most half the hold. The rest is judged on a {@link StatsWindow}, with the
 * project's thresholds, by the same evaluator as the whole run. A step's degraded names are the request names whose
 * scoped thresholds broke; without a broken scoped threshold, the names whose p95 grew more than 1.5× and by more
 * than 20 ms relative to the first step, the most milliseconds first (a cheap request that went from 1 to 30 ms
 * matters less than one that went from 100 to 400 ms), followed by names whose error rate grew to 1% or more.
 *
 * <p>Thresholds of a capacity run: the run's verdict is that of the step at the answer (the highest load that met the
 * objective), so a search that found the limit passes; it fails only when no step met the objective. Abort rules do not
 * apply (breaking the objective is what the search looks for).
 *
 * <p>Threads: {@link #tick} and {@link #finish} are for the one thread that ticks the run (after the tick's statistics
 * snapshot); {@link #report()} may be read from any thread.
 */
public final class CapacityDriver {
    static final long MAX_SETTLE_MILLIS = 10_000;
    static final double DEGRADED_RATIO = 1.5;
    static final double DEGRADED_GROWTH_MILLIS = 20.0;
    static final double DEGRADED_ERROR_RATE = 0.01;

    private final LoadPlan.Capacity plan;
    private final List<Threshold> thresholds;
    private final Supplier<StatsWindow> openWindow;
    private final Consumer<StatsWindow> closeWindow;
    private final DoubleConsumer setLoad;
    private final Runnable end;
    private final CapacitySearch search;
    private final long holdMillis;
    private final List<CapacityStep> steps = new ArrayList<>();
    private final Map<Integer, List<ThresholdResult>> verdicts = new HashMap<>();
    private Map<String, RowStats> baseline;
    private String brokenRule;
    private List<String> firstDegraded = List.of();

    // the running step
    private CapacitySearch.Step step;
    private long stepStart;
    private long settleMillis;
    private StatsWindow window;
    private boolean ended;

    private volatile CapacityReport latest;

    /**
     * @param plan the search
     * @param thresholds the objective, in the project's order
     * @param openWindow opens a statistics window over the next ticks' intervals
     * @param closeWindow closes one
     * @param setLoad sets the live target: users (rounded) or arrivals/s, as the plan's model says
     * @param end stops the run normally (the search is done)
     */
    public CapacityDriver(
            LoadPlan.Capacity plan,
            List<Threshold> thresholds,
            Supplier<StatsWindow> openWindow,
            Consumer<StatsWindow> closeWindow,
            DoubleConsumer setLoad,
            Runnable end) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.thresholds = List.copyOf(thresholds);
        this.openWindow = openWindow;
        this.closeWindow = closeWindow;
        this.setLoad = setLoad;
        this.end = end;
        this.search = new CapacitySearch(plan);
        this.holdMillis = Math.max(1, plan.hold().toMillis());
        this.step = search.first();
        this.stepStart = 0;
        this.settleMillis = settle(0, step.load());
        this.latest = reportNow();
    }

    /**
     * {@code project} for the agents of a distributed search of the users model: a shared connection pool sized "as
     * many as users" (0) gets the search's highest load instead, since an agent sizes it from the users it starts
     * with and the search adds users live. Other projects are returned as they are.
     */
    public static Project forAgents(Project project, LoadPlan.Capacity plan) {
        Settings.Connections c = project.settings().connections();
        if (plan.model() != LoadPlan.CapacityModel.USERS
                || c.policy() != Settings.Connections.Policy.SHARED
                || c.poolSize() > 0) {
            return project;
        }
        var sized = new Settings.Connections(c.policy(), LoadPlan.Capacity.users(plan.maxLoad()));
        return project.withSettings(project.settings().withConnections(sized));
    }

    /** Where the search stands (the steps so far, the last one possibly running); any thread. */
    public CapacityReport report() {
        return latest;
    }

    /**
     * One tick of the run, after its statistics snapshot: opens the running step's window once it has settled, judges
     * the step once held, moves to the next load, or ends the run when the search is done.
     *
     * @param elapsedMillis time since the run started, ms
     */
    public void tick(long elapsedMillis) {
        if (ended || step == null) {
            return;
        }
        if (window == null && elapsedMillis >= stepStart + settleMillis) {
            window = openWindow.get();
        }
        if (elapsedMillis >= stepStart + holdMillis && window != null && window.intervals() > 0) {
            judge(elapsedMillis);
            CapacitySearch.Step next = search.judged(steps.getLast().passed());
            if (next == null) {
                step = null;
                ended = true;
                latest = reportNow();
                end.run();
                return;
            }
            double previous = step.load();
            step = next;
            stepStart += holdMillis;
            if (elapsedMillis - stepStart > holdMillis / 2) {
                stepStart = elapsedMillis; // the ticks fell far behind: start afresh rather than judge a short step
            }
            settleMillis = settle(previous, next.load());
            setLoad.accept(next.load());
        }
        latest = reportNow();
    }

    /**
     * The final report once the run has ended (at {@code elapsedMillis}); a step still running is left out (it was
     * not held to the end). {@code finished} says whether the search got to its end.
     */
    public CapacityReport finish(long elapsedMillis) {
        if (window != null) {
            closeWindow.accept(window);
            window = null;
        }
        step = null;
        latest = reportNow();
        return latest;
    }

    /**
     * The run's threshold verdicts: those of the last step judged at the answer's load, or of the first step when no
     * step met the objective; empty when no step was judged.
     */
    public List<ThresholdResult> thresholdResults() {
        double max = search.maxLoad();
        for (int i = steps.size() - 1; i >= 0; i--) {
            CapacityStep s = steps.get(i);
            if (s.passed() && s.load() == max) {
                return verdicts.get(s.index());
            }
        }
        return steps.isEmpty() ? List.of() : verdicts.get(steps.getFirst().index());
    }

    private long settle(double from, double to) {
        long settle = Math.min(holdMillis / 4, MAX_SETTLE_MILLIS);
        if (plan.model() == LoadPlan.CapacityModel.USERS && plan.spawnRate() > 0) {
            settle += (long) Math.ceil(Math.abs(to - from) / plan.spawnRate() * 1000);
        }
        return Math.min(settle, holdMillis / 2);
    }

    private void judge(long elapsedMillis) {
        closeWindow.accept(window);
        List<ThresholdVerdict> v = window.evaluate(thresholds);
        var results = new ArrayList<ThresholdResult>();
        var broken = new ArrayList<String>();
        var scopedBroken = new ArrayList<Threshold>();
        for (ThresholdVerdict verdict : v) {
            results.add(new ThresholdResult(verdict.threshold(), verdict.passed(), verdict.value()));
            if (!verdict.passed()) {
                broken.add(verdict.threshold().rule());
                if (verdict.threshold().scope() != null) {
                    scopedBroken.add(verdict.threshold());
                }
            }
        }
        List<RowStats> rows = window.rows();
        if (baseline == null) {
            baseline = new HashMap<>();
            rows.forEach(r -> baseline.put(r.label(), r));
        }
        List<String> degraded = scopedBroken.isEmpty() ? grown(rows) : matching(scopedBroken, rows);
        CapacityStep judged = stepOf(window, elapsedMillis, false, broken.isEmpty(), broken, degraded);
        steps.add(judged);
        verdicts.put(judged.index(), List.copyOf(results));
        if (!judged.passed() && !judged.narrowing() && brokenRule == null) {
            brokenRule = broken.getFirst();
            firstDegraded = degraded;
        }
        window = null;
    }

    private CapacityStep stepOf(
            StatsWindow w,
            long endMillis,
            boolean running,
            boolean passed,
            List<String> broken,
            List<String> degraded) {
        RowStats total = w == null ? null : w.total();
        double seconds = w == null ? 0 : w.millis() / 1000.0;
        long requests = total == null ? 0 : total.requests();
        return new CapacityStep(
                steps.size() + 1,
                step.load(),
                step.narrowing(),
                stepStart,
                endMillis,
                requests,
                seconds > 0 ? requests / seconds : 0,
                total == null ? 0 : total.latency().p50Ms(),
                total == null ? 0 : total.latency().p95Ms(),
                total == null ? 0 : total.latency().p99Ms(),
                total == null ? 0 : total.errorRate(),
                passed,
                broken,
                degraded,
                running);
    }

    /** Request names whose p95 (then error rate) grew clearly relative to the first step, worst first. */
    private List<String> grown(List<RowStats> rows) {
        record Growth(String label, double amount) {}
        var byLatency = new ArrayList<Growth>();
        var byErrors = new ArrayList<Growth>();
        for (RowStats r : rows) {
            RowStats base = baseline.get(r.label());
            if (r.method().isEmpty() || base == null || r.requests() == 0) {
                continue;
            }
            double now = r.latency().p95Ms();
            double before = base.latency().p95Ms();
            if (now > DEGRADED_RATIO * before && now - before > DEGRADED_GROWTH_MILLIS) {
                byLatency.add(new Growth(r.label(), now - before));
            } else if (r.errorRate() >= DEGRADED_ERROR_RATE && r.errorRate() > DEGRADED_RATIO * base.errorRate()) {
                byErrors.add(new Growth(r.label(), r.errorRate()));
            }
        }
        Comparator<Growth> worstFirst =
                Comparator.comparingDouble(Growth::amount).reversed().thenComparing(Growth::label);
        byLatency.sort(worstFirst);
        byErrors.sort(worstFirst);
        var out = new ArrayList<String>();
        byLatency.forEach(g -> out.add(g.label()));
        byErrors.forEach(g -> out.add(g.label()));
        return out;
    }

    /** The rows the broken scoped thresholds cover (requests, or groups when no request matches), in order. */
    private static List<String> matching(List<Threshold> broken, List<RowStats> rows) {
        var out = new LinkedHashSet<String>();
        for (Threshold t : broken) {
            Pattern p = Pattern.compile(t.scope());
            var requests = rows.stream()
                    .filter(r -> !r.method().isEmpty() && p.matcher(r.name()).find())
                    .map(RowStats::label)
                    .toList();
            out.addAll(
                    requests.isEmpty()
                            ? rows.stream()
                                    .filter(r -> r.method().isEmpty()
                                            && p.matcher(r.name()).find())
                                    .map(RowStats::label)
                                    .toList()
                            : requests);
        }
        return List.copyOf(out);
    }

    private CapacityReport reportNow() {
        var all = new ArrayList<>(steps);
        if (step != null) {
            all.add(stepOf(window, stepStart, true, false, List.of(), List.of()));
        }
        double max = search.maxLoad();
        double rpsAtMax = 0;
        for (CapacityStep s : steps) {
            if (s.passed() && s.load() == max) {
                rpsAtMax = s.requestsPerSecond();
            }
        }
        return new CapacityReport(
                plan.model(),
                thresholds.stream().map(Threshold::rule).toList(),
                max,
                rpsAtMax,
                brokenRule,
                firstDegraded,
                search.reachedUpperBound(),
                search.done(),
                all);
    }
}
