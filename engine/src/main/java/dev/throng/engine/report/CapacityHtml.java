package dev.throng.engine.report;

import dev.throng.engine.project.Threshold;
import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;

/**
 * The capacity section of the HTML report: the answer in one sentence, the table of steps and a chart of p95 and
 * error rate against the load (drawn by the report's script from the inline document's {@code capacity.steps}), with the
 * objective's p95 and error-rate limits as dashed lines.
 * Stateless.
 */
final class CapacityHtml {
    private CapacityHtml() {}

    static void section(StringBuilder out, CapacityReport c) {
        out.append("<h2>Capacity</h2>\n<p class=\"answer\" id=\"capacity-answer\">The system ")
                .append(Xml.text(c.answer()))
                .append(".</p>\n");
        if (!c.objective().isEmpty()) {
            out.append("<p class=\"meta\">Each step was judged on its own figures against ")
                    .append(Xml.text(String.join(", ", c.objective())))
                    .append(".</p>\n");
        }
        out.append("<div class=\"chart\" id=\"chart-capacity\"");
        limits(out, c);
        out.append("></div>\n")
                .append("<table id=\"capacity\">\n<tr><th class=\"num\">Step</th><th class=\"num\">Load</th>")
                .append("<th></th><th class=\"num\">Requests</th><th class=\"num\">Req/s</th>")
                .append("<th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th>")
                .append("<th class=\"num\">Error %</th><th>Verdict</th><th>Broken</th><th>Degraded</th></tr>\n");
        for (CapacityStep s : c.steps()) {
            out.append("<tr>");
            num(out, Integer.toString(s.index()));
            num(out, c.load(s.load()));
            out.append("<td>").append(s.narrowing() ? "narrowing" : "").append("</td>");
            num(out, Long.toString(s.requests()));
            num(out, Numbers.fixed1(s.requestsPerSecond()));
            num(out, HtmlReport.millis(s.p50Millis()));
            num(out, HtmlReport.millis(s.p95Millis()));
            num(out, HtmlReport.millis(s.p99Millis()));
            num(out, Numbers.format(s.errorRate() * 100));
            out.append("<td><span class=\"verdict ")
                    .append(s.running() ? "\">running" : s.passed() ? "pass\">pass" : "fail\">FAIL")
                    .append("</span></td><td>")
                    .append(Xml.text(String.join(", ", s.brokenRules())))
                    .append("</td><td class=\"name\">")
                    .append(Xml.text(String.join(", ", s.degradedNames())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<p class=\"meta\">Times in ms, over the judged part of each step.</p>\n");
    }

    /**
     * The objective's limits the chart draws as lines, as data attributes: {@code data-p95-limit} (ms) and
     * {@code data-error-limit} (%), from the rules that apply to all requests.
     */
    private static void limits(StringBuilder out, CapacityReport c) {
        for (String rule : c.objective()) {
            Threshold t;
            try {
                t = Threshold.parse(rule);
            } catch (IllegalArgumentException e) {
                continue; // a rule the run judged was valid; one that is not draws no line
            }
            if (t.scope() != null) {
                continue;
            }
            if (t.metric() == Threshold.Metric.P95) {
                out.append(" data-p95-limit=\"")
                        .append(Numbers.format(t.value()))
                        .append('"');
            } else if (t.metric() == Threshold.Metric.ERROR_RATE) {
                out.append(" data-error-limit=\"")
                        .append(Numbers.format(t.value() * 100))
                        .append('"');
            }
        }
    }

    private static void num(StringBuilder out, String value) {
        out.append("<td class=\"num\">").append(Xml.text(value)).append("</td>");
    }
}
