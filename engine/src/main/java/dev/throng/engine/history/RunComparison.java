package dev.throng.engine.history;

import dev.throng.engine.run.RunResult;
import dev.throng.engine.stats.RowStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two runs side by side, row by row (matched by label), with the rows that got worse beyond the {@link Limits}
 * marked as regressions. Rows found in one run only are listed but are not regressions. Immutable.
 *
 * @param before the first run (the baseline)
 * @param after the second run
 * @param limits what counts as a regression
 * @param rows the request and group rows, sorted by label
 * @param total the total row
 */
public record RunComparison(RunResult before, RunResult after, Limits limits, List<RowDelta> rows, RowDelta total) {

    public RunComparison {
        rows = List.copyOf(rows);
    }

    /** Compares {@code after} with the baseline {@code before}. */
    public static RunComparison compare(RunResult before, RunResult after, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        Map<String, RowStats> a = byLabel(before.finalStats().cumulative());
        Map<String, RowStats> b = byLabel(after.finalStats().cumulative());
        TreeMap<String, Boolean> labels = new TreeMap<>();
        a.keySet().forEach(l -> labels.put(l, true));
        b.keySet().forEach(l -> labels.put(l, true));
        List<RowDelta> rows = new ArrayList<>();
        for (String label : labels.keySet()) {
            rows.add(delta(label, a.get(label), b.get(label), limits));
        }
        RowDelta total = delta(
                "Total",
                before.finalStats().cumulativeTotal(),
                after.finalStats().cumulativeTotal(),
                limits);
        return new RunComparison(before, after, limits, rows, total);
    }

    /** Whether any row, or the total, got worse beyond the limits. */
    public boolean hasRegression() {
        return total.isRegression() || rows.stream().anyMatch(RowDelta::isRegression);
    }

    /** The rows (and the total, last) that regressed. */
    public List<RowDelta> regressions() {
        List<RowDelta> out =
                new ArrayList<>(rows.stream().filter(RowDelta::isRegression).toList());
        if (total.isRegression()) {
            out.add(total);
        }
        return out;
    }

    /**
     * An aligned text table for a terminal: per row, requests per second, p50, p95, p99 and error rate as "before ->
     * after (change)", and what regressed; then a verdict line.
     */
    public String format() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Row", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors %", ""});
        for (RowDelta row : rows) {
            lines.add(cells(row));
        }
        lines.add(cells(total));
        int columns = lines.getFirst().length;
        int[] width = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Before: ")
                .append(describe(before))
                .append('\n')
                .append("After:  ")
                .append(describe(after))
                .append("\n\n");
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append("  ");
                }
                String cell = line[c];
                String pad = " ".repeat(width[c] - cell.length());
                text.append(c == 0 || c == columns - 1 ? cell + pad : pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        List<RowDelta> regressions = regressions();
        out.append('\n');
        if (regressions.isEmpty()) {
            out.append("No regression beyond the limits.\n");
        } else {
            out.append(regressions.size())
                    .append(regressions.size() == 1 ? " row regressed" : " rows regressed")
                    .append(" beyond the limits.\n");
        }
        return out.toString();
    }

    private static String describe(RunResult r) {
        return r.projectName() + ", started " + r.started() + ", " + Math.round(r.durationMillis() / 1000.0) + " s, "
                + r.finalStats().cumulativeTotal().requests() + " requests";
    }

    private static String[] cells(RowDelta d) {
        RowStats a = d.before();
        RowStats b = d.after();
        String verdict;
        if (a == null) {
            verdict = "only in the second run";
        } else if (b == null) {
            verdict = "only in the first run";
        } else {
            verdict = d.isRegression() ? "REGRESSION: " + String.join(", ", d.regressions()) : "";
        }
        return new String[] {
            d.label(),
            pair(a == null ? Double.NaN : a.rps(), b == null ? Double.NaN : b.rps(), d.rpsChange(), false),
            pair(ms(a, 50), ms(b, 50), d.p50Change(), false),
            pair(ms(a, 95), ms(b, 95), d.p95Change(), false),
            pair(ms(a, 99), ms(b, 99), d.p99Change(), false),
            pair(
                    a == null ? Double.NaN : a.errorRate() * 100,
                    b == null ? Double.NaN : b.errorRate() * 100,
                    d.errorRateChange() * 100,
                    true),
            verdict
        };
    }

    private static double ms(RowStats row, int percentile) {
        if (row == null) {
            return Double.NaN;
        }
        return switch (percentile) {
            case 50 -> row.latency().p50Ms();
            case 95 -> row.latency().p95Ms();
            default -> row.latency().p99Ms();
        };
    }

    /** "12.5 -> 14.1 (+12.8%)", or with points: "1.0 -> 3.5 (+2.5 pt)". */
    private static String pair(double a, double b, double change, boolean points) {
        String text = number(a) + " -> " + number(b);
        if (Double.isNaN(change)) {
            return text;
        }
        String sign = change > 0 ? "+" : "";
        return points ? text + " (" + sign + number(change) + " pt)" : text + " (" + sign + number(change * 100) + "%)";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        int scale = Math.abs(v) >= 100 ? 0 : 1;
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, RowStats> byLabel(List<RowStats> rows) {
        Map<String, RowStats> out = new LinkedHashMap<>();
        for (RowStats r : rows) {
            out.put(r.label(), r);
        }
        return out;
    }

    private static RowDelta delta(String label, RowStats a, RowStats b, Limits limits) {
        List<String> regressions = new ArrayList<>();
        if (a != null && b != null) {
            latency(regressions, "p50", a.latency().p50Ms(), b.latency().p50Ms(), limits.p50Increase(), limits);
            latency(regressions, "p95", a.latency().p95Ms(), b.latency().p95Ms(), limits.p95Increase(), limits);
            latency(regressions, "p99", a.latency().p99Ms(), b.latency().p99Ms(), limits.p99Increase(), limits);
            double errors = b.errorRate() - a.errorRate();
            if (errors > limits.errorRatePoints()) {
                regressions.add("errors +" + number(errors * 100) + " pt");
            }
            double rps = RowDelta.relative(a.rps(), b.rps());
            if (!Double.isNaN(rps) && -rps > limits.rpsDecrease()) {
                regressions.add("req/s " + number(rps * 100) + "%");
            }
        }
        return new RowDelta(label, a, b, regressions);
    }

    private static void latency(List<String> out, String metric, double a, double b, double limit, Limits limits) {
        double change = RowDelta.relative(a, b);
        if (Double.isNaN(change) || change <= limit || b - a < limits.minLatencyChangeMs()) {
            return;
        }
        out.add(metric + " +" + number(change * 100) + "%");
    }
}
