package dev.throng.app.run;

import dev.throng.engine.run.HistoryPoint;

/**
 * One point of the dashboard's charts: one statistics interval (about a second) of a run. Immutable.
 *
 * @param elapsedMillis time since the start at the end of the interval, ms
 * @param users users running at the end of the interval
 * @param rps requests per second in the interval
 * @param failuresPerSecond failed requests per second in the interval
 * @param p50Ms median response time of the interval, ms
 * @param p95Ms 95th percentile of the interval, ms
 * @param p99Ms 99th percentile of the interval, ms
 * @param arrivalRate arrivals per second the plan wanted (open model); NaN when unknown or closed model
 * @param droppedPerSecond arrivals dropped per second in the interval (open model)
 */
public record SamplePoint(
        long elapsedMillis,
        int users,
        double rps,
        double failuresPerSecond,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double arrivalRate,
        double droppedPerSecond) {

    /** A point of a finished run's history (which does not keep the arrival rate). */
    static SamplePoint of(HistoryPoint p) {
        return new SamplePoint(
                p.elapsedMillis(),
                p.users(),
                p.rps(),
                p.failuresPerSecond(),
                p.p50Ms(),
                p.p95Ms(),
                p.p99Ms(),
                Double.NaN,
                p.dropped());
    }
}
