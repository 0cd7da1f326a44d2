package dev.throng.engine.run;

/**
 * One second of a run's history, for charts and reports.
 *
 * @param elapsedMillis time since start at the end of the interval, ms
 * @param users active users at the end of the interval
 * @param rps requests per second in the interval
 * @param failuresPerSecond failed requests per second in the interval
 * @param p50Ms median response time of the interval, ms
 * @param p95Ms 95th percentile of the interval, ms
 * @param p99Ms 99th percentile of the interval, ms
 * @param dropped arrivals dropped in the interval (open model)
 */
public record HistoryPoint(
        long elapsedMillis,
        int users,
        double rps,
        double failuresPerSecond,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        long dropped) {}
