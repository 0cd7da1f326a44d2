package dev.throng.app.designer;

import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A run's figures laid over a flow: each request step coloured by its p95 or its error rate, each arrow as thick as the
 * traffic of the step it leads to. Statistics rows are matched to request steps by the request's {@code
 * displayName()} and method, as the engine names them.
 *
 * <p>Colours: against the project's thresholds when one applies to the step (at most half the limit for an error rate,
 * at most 80% of it for a latency is green, up to the limit amber, beyond it red); without one, a latency is judged
 * against the median p95 of the flow's steps (up to 1.5 times green, up to 3 times amber) and an error rate by itself
 * (none green, under 5% amber).
 *
 * <p>Immutable; any thread.
 */
public final class RunOverlay {
    /** What the colour of a step shows. */
    public enum Measure {
        P95("p95"),
        ERROR_RATE("error rate");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A step's colour: no figures, fine, near a limit, beyond it. */
    public enum Level {
        NONE,
        GOOD,
        WARN,
        BAD
    }

    /**
     * The figures of one request step.
     *
     * @param level its colour
     * @param p95Ms 95th percentile since the start (or last reset), ms
     * @param errorRate failed share since the start, in [0, 1]
     * @param rps requests per second in the last interval
     * @param text a short line for the node, e.g. "p95 120 ms · 0.5% err"
     */
    public record StepFigures(Level level, double p95Ms, double errorRate, double rps, String text) {}

    /** Width of an arrow into a step without traffic, px. */
    public static final double MIN_WIDTH = 1;

    /** Width of the arrow into the busiest step, px. */
    public static final double MAX_WIDTH = 9;

    private static final double MEDIAN_GOOD = 1.5;
    private static final double MEDIAN_WARN = 3;
    private static final double ERRORS_WARN = 0.05;

    private final Measure measure;
    private final Map<String, StepFigures> steps;
    private final double maxRps;
    private final String legend;

    private RunOverlay(Measure measure, Map<String, StepFigures> steps, double maxRps, String legend) {
        this.measure = measure;
        this.steps = Map.copyOf(steps);
        this.maxRps = maxRps;
        this.legend = legend;
    }

    /**
     * The overlay of {@code flow} from a snapshot's statistics.
     *
     * @param thresholds the project's thresholds (may be empty)
     */
    public static RunOverlay of(Flow flow, List<Threshold> thresholds, StatsSnapshot stats, Measure measure) {
        Map<String, RowStats> cumulative = new HashMap<>();
        Map<String, RowStats> interval = new HashMap<>();
        for (RowStats r : stats.cumulative()) {
            cumulative.put(key(r.name(), r.method()), r);
        }
        for (RowStats r : stats.interval()) {
            interval.put(key(r.name(), r.method()), r);
        }
        List<Step.Request> requests = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        for (Step s : flow.steps()) {
            if (s instanceof Step.Request r && cumulative.containsKey(key(r.displayName(), r.method()))) {
                requests.add(r);
                RowStats row = cumulative.get(key(r.displayName(), r.method()));
                if (row.requests() > 0) {
                    p95s.add(row.latency().p95Ms());
                }
            }
        }
        double median = median(p95s);
        Map<String, StepFigures> out = new HashMap<>();
        double maxRps = 0;
        boolean anyLimit = false;
        for (Step.Request r : requests) {
            String k = key(r.displayName(), r.method());
            RowStats row = cumulative.get(k);
            RowStats now = interval.get(k);
            double rps = now == null ? 0 : now.rps();
            maxRps = Math.max(maxRps, rps);
            double p95 = row.latency().p95Ms();
            double errors = row.errorRate();
            Double limit = limit(thresholds, measure, r.displayName());
            anyLimit |= limit != null;
            Level level = row.requests() == 0
                    ? Level.NONE
                    : switch (measure) {
                        case P95 ->
                            limit != null
                                    ? grade(p95, limit * 0.8, limit)
                                    : grade(p95, median * MEDIAN_GOOD, median * MEDIAN_WARN);
                        case ERROR_RATE ->
                            limit != null
                                    ? grade(errors, limit / 2, limit)
                                    : errors == 0 ? Level.GOOD : errors < ERRORS_WARN ? Level.WARN : Level.BAD;
                    };
            String text = String.format(Locale.ROOT, "p95 %s ms · %.1f%% err", millis(p95), errors * 100);
            out.put(r.id(), new StepFigures(level, p95, errors, rps, text));
        }
        return new RunOverlay(measure, out, maxRps, legend(measure, anyLimit));
    }

    /** What the colours show. */
    public Measure measure() {
        return measure;
    }

    /** The figures of a request step; null when the run has none for it (not a request, or not reached yet). */
    public StepFigures step(String stepId) {
        return steps.get(stepId);
    }

    /** Number of steps with figures. */
    public int size() {
        return steps.size();
    }

    /**
     * The width of an arrow into {@code stepId}, px: {@link #MIN_WIDTH} without traffic, {@link #MAX_WIDTH} for the
     * busiest step, by the square root of requests per second in between (so small flows still show).
     */
    public double arrowWidth(String stepId) {
        StepFigures f = steps.get(stepId);
        if (f == null || maxRps <= 0 || f.rps() <= 0) {
            return MIN_WIDTH;
        }
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(f.rps() / maxRps);
    }

    /** How to read the colours, in words, e.g. "p95 against the thresholds: green within 80% of the limit, …". */
    public String legend() {
        return legend;
    }

    private static String legend(Measure measure, boolean limits) {
        return switch (measure) {
                    case P95 ->
                        limits
                                ? "p95 against the thresholds: green under 80% of the limit, amber up to it, red beyond"
                                : "p95 against the flow's median: green up to 1.5×, amber up to 3×, red beyond";
                    case ERROR_RATE ->
                        limits
                                ? "Error rate against the thresholds: green under half the limit, amber up to it, red beyond"
                                : "Error rate: green without errors, amber under 5%, red from 5%";
                }
                + " · arrow width: requests/s of the step it leads to";
    }

    private static Level grade(double value, double good, double warn) {
        if (Double.isNaN(value)) {
            return Level.NONE;
        }
        return value <= good ? Level.GOOD : value <= warn ? Level.WARN : Level.BAD;
    }

    /** The tightest upper limit of the thresholds on {@code measure} that apply to requests named {@code name}. */
    private static Double limit(List<Threshold> thresholds, Measure measure, String name) {
        Threshold.Metric metric = measure == Measure.P95 ? Threshold.Metric.P95 : Threshold.Metric.ERROR_RATE;
        Double best = null;
        for (Threshold t : thresholds) {
            if (t.metric() != metric
                    || (t.comparison() != Threshold.Comparison.LT && t.comparison() != Threshold.Comparison.LE)) {
                continue;
            }
            if (t.scope() != null && !matches(t.scope(), name)) {
                continue;
            }
            best = best == null ? t.value() : Math.min(best, t.value());
        }
        return best;
    }

    private static boolean matches(String scope, String name) {
        try {
            return Pattern.compile(scope).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String millis(double ms) {
        return Double.isNaN(ms)
                ? "–"
                : ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String key(String name, String method) {
        return method + " " + name;
    }
}
