package dev.throng.engine.report;

import dev.throng.engine.run.AgentStatus;
import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.ThresholdResult;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.LatencySummary;
import dev.throng.engine.stats.RowStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes a run's results as one self-contained HTML file: summary, the capacity search's answer and steps (for a
 * capacity search), threshold verdicts, charts (requests and failures per second, p50/p95/p99 response times, users;
 * p95 and error rate against the load), the per-name table, the failures and the warnings.
 *
 * <p>It opens offline: the charting library (uPlot, from its WebJar on the classpath), its style sheet, the report's
 * own script and style and the data (the results document as inline JSON, without the histograms) are all inside the
 * file; there is no URL to load. Tables are plain HTML, readable without scripts. Every text from the run is escaped.
 * Stateless; any thread.
 */
public final class HtmlReport {
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String UPLOT_DIST = "/META-INF/resources/webjars/uplot/%s/dist/";

    private HtmlReport() {}

    /** Writes the report to {@code file}. */
    public static void write(RunResult result, Path file) throws IOException {
        ReportFiles.write(file, render(result));
    }

    /** The HTML document. */
    public static String render(RunResult r) {
        StringBuilder out = new StringBuilder(128 * 1024);
        boolean passed = r.passed();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Throng\">\n")
                .append("<title>")
                .append(Xml.text("Throng report: " + r.projectName()))
                .append("</title>\n<style>\n")
                .append(Assets.UPLOT_CSS)
                .append("\n</style>\n<style>\n")
                .append(Assets.REPORT_CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(out, r, passed);
        summary(out, r);
        if (r.capacity() != null) {
            CapacityHtml.section(out, r.capacity());
        }
        thresholds(out, r);
        out.append("<h2>Over time</h2>\n")
                .append("<div class=\"chart\" id=\"chart-throughput\"></div>\n")
                .append("<div class=\"chart\" id=\"chart-latency\"></div>\n")
                .append("<div class=\"chart\" id=\"chart-users\"></div>\n");
        rows(out, r);
        failures(out, r);
        agents(out, r);
        out.append("<footer>Made by Throng. Response times are percentiles of merged HdrHistograms, in ms.</footer>\n")
                .append("</main>\n<script type=\"application/json\" id=\"throng-data\">")
                .append(jsonForScript(r))
                .append("</script>\n<script>\n")
                .append(Assets.UPLOT_JS)
                .append("\n</script>\n<script>\n")
                .append(Assets.REPORT_JS)
                .append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, RunResult r, boolean passed) {
        out.append("<h1>")
                .append(Xml.text(r.projectName()))
                .append(" <span class=\"verdict ")
                .append(passed ? "pass\">PASSED" : "fail\">FAILED")
                .append("</span></h1>\n<p class=\"meta\">Started ")
                .append(Xml.text(r.started().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(", ran ")
                .append(Xml.text(duration(r.durationMillis())))
                .append(", ")
                .append(Xml.text(StopReasons.describe(r.reason())))
                .append(".</p>\n");
        for (String warning : r.finalStats().warnings()) {
            out.append("<p class=\"warning\">").append(Xml.text(warning)).append("</p>\n");
        }
    }

    private static void summary(StringBuilder out, RunResult r) {
        RowStats t = r.finalStats().cumulativeTotal();
        out.append("<h2>Summary</h2>\n<div class=\"cards\">\n");
        card(out, "Requests", Long.toString(t.requests()));
        card(out, "Failures", t.failures() + " (" + Numbers.format(t.errorRate() * 100) + "%)");
        card(out, "Requests/s", Numbers.fixed1(t.rps()));
        card(out, "p50", millis(t.latency().p50Ms()) + " ms");
        card(out, "p95", millis(t.latency().p95Ms()) + " ms");
        card(out, "p99", millis(t.latency().p99Ms()) + " ms");
        card(out, "Max", millis(t.latency().maxMs()) + " ms");
        out.append("</div>\n");
    }

    private static void card(StringBuilder out, String label, String value) {
        out.append("<div class=\"card\"><div class=\"label\">")
                .append(Xml.text(label))
                .append("</div><div class=\"value\">")
                .append(Xml.text(value))
                .append("</div></div>\n");
    }

    private static void thresholds(StringBuilder out, RunResult r) {
        out.append("<h2>Thresholds</h2>\n");
        if (r.capacity() != null) {
            out.append("<p class=\"meta\">A capacity search: the verdicts of the step at the answer (the steps above"
                    + " have their own).</p>\n");
        }
        if (r.thresholds().isEmpty()) {
            out.append("<p class=\"empty\">No thresholds were set.</p>\n");
            return;
        }
        out.append("<table id=\"thresholds\">\n<tr><th>Rule</th><th>Verdict</th>")
                .append("<th class=\"num\">Measured</th><th>Note</th></tr>\n");
        for (ThresholdResult t : r.thresholds()) {
            out.append("<tr><td>")
                    .append(Xml.text(t.threshold().rule()))
                    .append(t.threshold().abortOnFail() ? " (abort)" : "")
                    .append("</td><td><span class=\"verdict ")
                    .append(t.passed() ? "pass\">pass" : "fail\">FAIL")
                    .append("</span></td><td class=\"num\">")
                    .append(Xml.text(ThresholdNotes.value(t)))
                    .append("</td><td>")
                    .append(Xml.text(ThresholdNotes.note(t)))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void rows(StringBuilder out, RunResult r) {
        out.append("<h2>Requests</h2>\n<table id=\"requests\">\n<tr><th>Method</th><th>Name</th>")
                .append("<th class=\"num\">Requests</th><th class=\"num\">Failures</th><th class=\"num\">Error %</th>")
                .append("<th class=\"num\">Req/s</th><th class=\"num\">Mean</th><th class=\"num\">p50</th>")
                .append("<th class=\"num\">p90</th><th class=\"num\">p95</th><th class=\"num\">p99</th>")
                .append("<th class=\"num\">Max</th></tr>\n");
        List<RowStats> rows = r.finalStats().cumulative();
        rows.stream().filter(row -> !row.method().isEmpty()).forEach(row -> row(out, row, ""));
        row(out, r.finalStats().cumulativeTotal(), "total");
        out.append("</table>\n");
        List<RowStats> groups =
                rows.stream().filter(row -> row.method().isEmpty()).toList();
        if (!groups.isEmpty()) {
            out.append("<h2>Groups</h2>\n<table id=\"groups\">\n<tr><th></th><th>Name</th>")
                    .append("<th class=\"num\">Count</th><th class=\"num\">Failures</th><th class=\"num\">Error %</th>")
                    .append("<th class=\"num\">Per s</th><th class=\"num\">Mean</th><th class=\"num\">p50</th>")
                    .append("<th class=\"num\">p90</th><th class=\"num\">p95</th><th class=\"num\">p99</th>")
                    .append("<th class=\"num\">Max</th></tr>\n");
            groups.forEach(row -> row(out, row, ""));
            out.append("</table>\n");
        }
        out.append("<p class=\"meta\">Times in ms.</p>\n");
    }

    private static void row(StringBuilder out, RowStats row, String css) {
        LatencySummary l = row.latency();
        out.append(css.isEmpty() ? "<tr>" : "<tr class=\"" + css + "\">")
                .append("<td>")
                .append(Xml.text(row.method()))
                .append("</td><td class=\"name\">")
                .append(Xml.text(row.name()))
                .append("</td>");
        num(out, Long.toString(row.requests()));
        num(out, Long.toString(row.failures()));
        num(out, Numbers.format(row.errorRate() * 100));
        num(out, Numbers.fixed1(row.rps()));
        num(out, millis(l.meanMs()));
        num(out, millis(l.p50Ms()));
        num(out, millis(l.p90Ms()));
        num(out, millis(l.p95Ms()));
        num(out, millis(l.p99Ms()));
        num(out, millis(l.maxMs()));
        out.append("</tr>\n");
    }

    private static void num(StringBuilder out, String value) {
        out.append("<td class=\"num\">").append(Xml.text(value)).append("</td>");
    }

    private static void failures(StringBuilder out, RunResult r) {
        out.append("<h2>Failures</h2>\n");
        List<FailureStats> failures = r.finalStats().failures();
        if (failures.isEmpty()) {
            out.append("<p class=\"empty\">No failures.</p>\n");
            return;
        }
        out.append("<table id=\"failures\">\n<tr><th class=\"num\">Count</th><th>Method</th><th>Name</th>")
                .append("<th>Kind</th><th>Message</th><th>First seen</th><th>Last seen</th></tr>\n");
        for (FailureStats f : failures) {
            out.append("<tr>");
            num(out, Long.toString(f.count()));
            out.append("<td>")
                    .append(Xml.text(f.method()))
                    .append("</td><td class=\"name\">")
                    .append(Xml.text(f.name()))
                    .append("</td><td>")
                    .append(Xml.text(f.kind()))
                    .append("</td><td>")
                    .append(Xml.text(f.message()));
            if (!f.example().isEmpty()) {
                out.append("<details><summary>example</summary><pre>")
                        .append(Xml.text(f.example()))
                        .append("</pre></details>");
            }
            out.append("</td><td>")
                    .append(Xml.text(time(f.firstSeenMillis())))
                    .append("</td><td>")
                    .append(Xml.text(time(f.lastSeenMillis())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void agents(StringBuilder out, RunResult r) {
        if (r.agents().size() <= 1 && r.agents().stream().allMatch(a -> a.lostAtMillis() == null)) {
            return;
        }
        out.append("<h2>Agents</h2>\n<table id=\"agents\">\n<tr><th>Agent</th><th>State</th>")
                .append("<th class=\"num\">Users</th><th>Lost at</th></tr>\n");
        for (AgentStatus a : r.agents()) {
            out.append("<tr><td>")
                    .append(Xml.text(a.id()))
                    .append("</td><td>")
                    .append(Xml.text(a.state()))
                    .append("</td>");
            num(out, Integer.toString(a.users()));
            out.append("<td>")
                    .append(a.lostAtMillis() == null ? "" : Xml.text(time(a.lostAtMillis())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /**
     * The results document for a {@code <script type="application/json">} element: without the histograms, and with
     * every {@code <} written as {@code \u003c} (it can only occur inside JSON strings, where that escape means the
     * same), so no text from the run can close the element.
     */
    static String jsonForScript(RunResult r) {
        var tree = ResultsJson.tree(r);
        tree.remove("histograms");
        String json;
        try {
            json = ResultsJson.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the report data: " + e.getOriginalMessage(), e);
        }
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /**
     * A time in ms for people: three significant digits (2.37, 51.6, 304; whole ms from 100 up), as precise as the
     * histograms it comes from; "" for NaN. The results JSON and CSV keep every digit.
     */
    static String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return "";
        }
        if (ms == 0) {
            return "0";
        }
        double a = Math.abs(ms);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        return BigDecimal.valueOf(ms).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s / 60) % 60, s % 60);
    }

    private static String time(long epochMillis) {
        return epochMillis == 0
                ? ""
                : Instant.ofEpochMilli(epochMillis)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
    }

    /** The inlined files, read once from the classpath. */
    static final class Assets {
        static final String UPLOT_VERSION = uplotVersion();
        static final String UPLOT_JS =
                inlineScript(resource(String.format(UPLOT_DIST, UPLOT_VERSION) + "uPlot.iife.min.js"));
        static final String UPLOT_CSS = resource(String.format(UPLOT_DIST, UPLOT_VERSION) + "uPlot.min.css");
        static final String REPORT_JS = inlineScript(resource("report.js"));
        static final String REPORT_CSS = resource("report.css");

        private Assets() {}

        private static String uplotVersion() {
            try (InputStream in = HtmlReport.class.getResourceAsStream(UPLOT_POM)) {
                if (in == null) {
                    return "1.6.30";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "1.6.30");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uPlot WebJar's version from the classpath", e);
            }
        }

        private static String resource(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the report resource " + name
                            + " is missing from the classpath (is the uPlot WebJar a dependency of the engine?)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the report resource " + name, e);
            }
        }

        /** Script text that cannot end its {@code <script>} element early. */
        private static String inlineScript(String code) {
            return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
        }
    }
}
