package dev.throng.agent.cli;

import dev.throng.engine.run.CapacityReport;
import dev.throng.engine.run.CapacityStep;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The lines {@code throng run} prints for a capacity search: one per step as soon as it is judged, such as {@code
 * step 4: 200 users | 196.3 req/s | p95 140 ms | errors 0.00% | FAIL p95<100ms}, and the answer at the end. Confined
 * to the command's thread.
 */
final class CapacityLines {
    private int printed;

    /** Whether {@code report} has a judged step not printed yet. */
    boolean hasNew(CapacityReport report) {
        return report != null && report.steps().stream().anyMatch(s -> !s.running() && s.index() > printed);
    }

    /** Prints the steps of {@code report} judged since the last call; returns whether it printed any. */
    boolean printNew(CapacityReport report, PrintWriter out) {
        if (report == null) {
            return false;
        }
        boolean any = false;
        for (CapacityStep s : report.steps()) {
            if (s.running() || s.index() <= printed) {
                continue;
            }
            out.println(step(report, s));
            printed = s.index();
            any = true;
        }
        return any;
    }

    static String step(CapacityReport report, CapacityStep s) {
        String verdict = s.passed()
                ? "PASS"
                : "FAIL"
                        + (s.brokenRules().isEmpty()
                                ? ""
                                : " " + s.brokenRules().getFirst());
        return String.format(
                Locale.ROOT,
                "step %d: %s%s | %.1f req/s | p95 %s ms | errors %.2f%% | %s",
                s.index(),
                report.load(s.load()),
                s.narrowing() ? " (narrowing)" : "",
                s.requestsPerSecond(),
                ResultTable.ms(s.p95Millis()),
                s.errorRate() * 100,
                verdict);
    }

    /** The answer, e.g. "Capacity: carries 190 users (196 req/s); p95<100ms broke first at 200 users; ...". */
    static String answer(CapacityReport report) {
        return "Capacity: " + report.answer();
    }
}
