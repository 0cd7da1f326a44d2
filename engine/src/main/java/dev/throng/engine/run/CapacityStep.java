package dev.throng.engine.run;

import java.util.List;

/**
 * One step of a capacity search, judged on its own statistics. Immutable.
 *
 * @param index the step's number, from 1, in the order run
 * @param load the load held, users or arrivals/s (see {@link CapacityReport#model()})
 * @param narrowing true for a step between the last good and the first bad load (after the first bad step)
 * @param startMillis when the step started, ms since the start of the run
 * @param endMillis when the step ended, ms since the start of the run; equal to {@code startMillis} while it runs
 * @param requests requests completed in the judged part of the step
 * @param requestsPerSecond requests per second over the judged part of the step
 * @param p50Millis median response time, ms
 * @param p95Millis 95th percentile response time, ms
 * @param p99Millis 99th percentile response time, ms
 * @param errorRate failed requests / requests, 0..1
 * @param passed true when every threshold held over the step (meaningless while it runs)
 * @param brokenRules the thresholds' rule texts that broke over the step, in the project's order
 * @param degradedNames request names whose scoped thresholds broke, or, without scoped thresholds, whose p95 grew
 *     the most relative to the first step, worst first
 * @param running true while the step is being held
 */
public record CapacityStep(
        int index,
        double load,
        boolean narrowing,
        long startMillis,
        long endMillis,
        long requests,
        double requestsPerSecond,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double errorRate,
        boolean passed,
        List<String> brokenRules,
        List<String> degradedNames,
        boolean running) {

    public CapacityStep {
        brokenRules = List.copyOf(brokenRules);
        degradedNames = List.copyOf(degradedNames);
    }
}
