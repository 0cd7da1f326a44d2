package dev.throng.agent.cli;

import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.RowStats;
import dev.throng.engine.stats.StatsSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The final table of {@code throng run}: per request name, then the total, failures and threshold verdicts. */
final class ResultTable {
    private static final String[] HEADER = {
        "Name", "Method", "Requests", "Failures", "Median", "p95", "p99", "Max", "Req/s"
    };
    private static final int MAX_FAILURE_LINES = 10;

    private ResultTable() {}

    static void print(PrintWriter out, StatsSnapshot stats, List<ThresholdResult> thresholds) {
        List<String[]> rows = new ArrayList<>();
        for (RowStats row : stats.cumulative()) {
            rows.add(cells(row));
        }
        String[] total = cells(stats.cumulativeTotal());
        total[0] = "Total";
        total[1] = "";
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
            width[i] = Math.max(width[i], total[i].length());
        }
        width[0] = Math.min(width[0], 60);
        line(out, HEADER, width);
        out.println(rule(width));
        for (String[] row : rows) {
            line(out, row, width);
        }
        out.println(rule(width));
        line(out, total, width);
        out.println("(times in ms)");

        if (!stats.failures().isEmpty()) {
            out.println();
            out.println("Failures:");
            int shown = 0;
            for (FailureStats f : stats.failures()) {
                if (shown++ == MAX_FAILURE_LINES) {
                    out.println("  ... and " + (stats.failures().size() - MAX_FAILURE_LINES) + " more kinds");
                    break;
                }
                out.printf(
                        Locale.ROOT, "  %7d  %s %s  %s: %s%n", f.count(), f.method(), f.name(), f.kind(), f.message());
            }
        }
        for (String warning : stats.warnings()) {
            out.println("Warning: " + warning);
        }
        if (!thresholds.isEmpty()) {
            out.println();
            out.println("Thresholds:");
            for (ThresholdResult t : thresholds) {
                out.printf(
                        Locale.ROOT,
                        "  %s  %-30s measured %s%n",
                        t.passed() ? "PASS" : "FAIL",
                        t.threshold().rule(),
                        measured(t));
            }
        }
    }

    private static String measured(ThresholdResult t) {
        if (Double.isNaN(t.value())) {
            return "nothing (no matching request)";
        }
        return switch (t.threshold().metric()) {
            case ERROR_RATE -> String.format(Locale.ROOT, "%.2f%%", t.value() * 100);
            case RPS -> String.format(Locale.ROOT, "%.1f req/s", t.value());
            default -> String.format(Locale.ROOT, "%.1f ms", t.value());
        };
    }

    private static String[] cells(RowStats row) {
        return new String[] {
            truncate(row.name(), 60),
            row.method(),
            Long.toString(row.requests()),
            row.failures()
                    + (row.requests() == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", row.errorRate() * 100)),
            ms(row.latency().p50Ms()),
            ms(row.latency().p95Ms()),
            ms(row.latency().p99Ms()),
            ms(row.latency().maxMs()),
            String.format(Locale.ROOT, "%.1f", row.rps())
        };
    }

    static String ms(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = truncate(cells[i], width[i]);
            if (i < 2) {
                sb.append(cell).append(" ".repeat(width[i] - cell.length()));
            } else {
                sb.append(" ".repeat(width[i] - cell.length())).append(cell);
            }
            sb.append(i == cells.length - 1 ? "" : "  ");
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String rule(int[] width) {
        int total = 0;
        for (int w : width) {
            total += w + 2;
        }
        return "-".repeat(total - 2);
    }
}
