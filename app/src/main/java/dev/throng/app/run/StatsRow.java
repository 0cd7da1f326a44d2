package dev.throng.app.run;

import dev.throng.engine.stats.RowStats;

/**
 * One line of the statistics table: a request name's figures since the start (or the last reset), with its current
 * rate. Immutable.
 *
 * @param name the request name
 * @param method the HTTP method, or "" for groups and the total
 * @param requests completed requests
 * @param failures failed requests
 * @param p50Ms median response time, ms
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param maxMs slowest response, ms
 * @param rps requests per second in the last interval
 */
public record StatsRow(
        String name,
        String method,
        long requests,
        long failures,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        double rps) {

    static StatsRow of(RowStats cumulative, double currentRps) {
        var l = cumulative.latency();
        return new StatsRow(
                cumulative.name(),
                cumulative.method(),
                cumulative.requests(),
                cumulative.failures(),
                l.p50Ms(),
                l.p95Ms(),
                l.p99Ms(),
                l.maxMs(),
                currentRps);
    }

    /** "METHOD name", or just the name without a method; unique in a table. */
    public String label() {
        return method.isEmpty() ? name : method + " " + name;
    }

    /** Failure share in {@code [0, 1]}; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }
}
