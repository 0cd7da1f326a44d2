package dev.throng.engine.report;

import dev.throng.engine.run.HistoryPoint;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a run's results as three CSV files (RFC 4180 quoting, UTF-8, a header line, "\n" line ends, "." as decimal
 * separator, times in ms):
 *
 * <ul>
 *   <li>{@code PREFIX_stats.csv}: one line per request row, then the groups, then the total: {@code
 *       kind,method,name,requests,failures,error_pct,rps,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,p999_ms,max_ms,bytes}
 *       where kind is request, group or total;
 *   <li>{@code PREFIX_history.csv}: one line per second: {@code
 *       elapsed_s,users,rps,failures_per_s,p50_ms,p95_ms,p99_ms,dropped};
 *   <li>{@code PREFIX_failures.csv}: one line per failure group: {@code
 *       method,name,kind,message,count,first_seen,last_seen,example}.
 * </ul>
 *
 * <p>Stateless; any thread.
 */
public final class CsvReport {
    private CsvReport() {}

    /**
     * Writes the three files next to {@code prefix}: {@code out/run1} gives {@code out/run1_stats.csv}, {@code
     * out/run1_history.csv} and {@code out/run1_failures.csv}.
     *
     * @return the files written, in that order
     */
    public static List<Path> write(RunResult result, Path prefix) throws IOException {
        String base =
                prefix.getFileName() == null ? "throng" : prefix.getFileName().toString();
        Path stats = prefix.resolveSibling(base + "_stats.csv");
        Path history = prefix.resolveSibling(base + "_history.csv");
        Path failures = prefix.resolveSibling(base + "_failures.csv");
        ReportFiles.write(stats, stats(result));
        ReportFiles.write(history, history(result));
        ReportFiles.write(failures, failures(result));
        return List.of(stats, history, failures);
    }

    /** The text of {@code PREFIX_stats.csv}. */
    public static String stats(RunResult result) {
        StringBuilder out = new StringBuilder(
                "kind,method,name,requests,failures,error_pct,rps,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,p999_ms,max_ms,bytes\n");
        List<RowStats> rows = result.finalStats().cumulative();
        rows.stream().filter(r -> !r.method().isEmpty()).forEach(r -> statsLine(out, "request", r));
        rows.stream().filter(r -> r.method().isEmpty()).forEach(r -> statsLine(out, "group", r));
        statsLine(out, "total", result.finalStats().cumulativeTotal());
        return out.toString();
    }

    /** The text of {@code PREFIX_history.csv}. */
    public static String history(RunResult result) {
        StringBuilder out = new StringBuilder("elapsed_s,users,rps,failures_per_s,p50_ms,p95_ms,p99_ms,dropped\n");
        for (HistoryPoint p : result.history()) {
            line(
                    out,
                    Numbers.format(p.elapsedMillis() / 1000.0),
                    Integer.toString(p.users()),
                    Numbers.format(p.rps()),
                    Numbers.format(p.failuresPerSecond()),
                    Numbers.format(p.p50Ms()),
                    Numbers.format(p.p95Ms()),
                    Numbers.format(p.p99Ms()),
                    Long.toString(p.dropped()));
        }
        return out.toString();
    }

    /** The text of {@code PREFIX_failures.csv}. */
    public static String failures(RunResult result) {
        StringBuilder out = new StringBuilder("method,name,kind,message,count,first_seen,last_seen,example\n");
        for (FailureStats f : result.finalStats().failures()) {
            line(
                    out,
                    f.method(),
                    f.name(),
                    f.kind(),
                    f.message(),
                    Long.toString(f.count()),
                    f.firstSeenMillis() == 0
                            ? ""
                            : Instant.ofEpochMilli(f.firstSeenMillis()).toString(),
                    f.lastSeenMillis() == 0
                            ? ""
                            : Instant.ofEpochMilli(f.lastSeenMillis()).toString(),
                    f.example());
        }
        return out.toString();
    }

    private static void statsLine(StringBuilder out, String kind, RowStats r) {
        LatencySummary l = r.latency();
        line(
                out,
                kind,
                r.method(),
                r.name(),
                Long.toString(r.requests()),
                Long.toString(r.failures()),
                Numbers.format(r.errorRate() * 100),
                Numbers.format(r.rps()),
                Numbers.format(l.meanMs()),
                Numbers.format(l.p50Ms()),
                Numbers.format(l.p90Ms()),
                Numbers.format(l.p95Ms()),
                Numbers.format(l.p99Ms()),
                Numbers.format(l.p999Ms()),
                Numbers.format(l.maxMs()),
                Long.toString(r.bytes()));
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append('\n');
    }

    /** A cell, quoted when it holds a comma, a quote, a line break or surrounding spaces. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
