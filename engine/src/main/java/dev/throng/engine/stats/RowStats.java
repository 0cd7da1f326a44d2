package dev.throng.engine.stats;

/**
 * The figures of one statistics row (a request name and method, a group, or the total) over some span of time.
 *
 * @param name the request name (the URL template unless named), a group name, or "Total"
 * @param method the HTTP method, or "" for groups and the total
 * @param requests completed requests (successes and failures)
 * @param failures failed requests
 * @param bytes response bytes received
 * @param rps requests per second over the span
 * @param latency percentiles of all requests' response times (failures included)
 * @param corrected percentiles with coordinated-omission correction (closed model with pacing), or {@code null}
 * @param phases connect, TLS and first-byte timings; {@link PhaseStats#EMPTY} when none were recorded
 */
public record RowStats(
        String name,
        String method,
        long requests,
        long failures,
        long bytes,
        double rps,
        LatencySummary latency,
        LatencySummary corrected,
        PhaseStats phases) {

    public RowStats {
        phases = phases == null ? PhaseStats.EMPTY : phases;
    }

    /** A row without phase timings. */
    public RowStats(
            String name,
            String method,
            long requests,
            long failures,
            long bytes,
            double rps,
            LatencySummary latency,
            LatencySummary corrected) {
        this(name, method, requests, failures, bytes, rps, latency, corrected, PhaseStats.EMPTY);
    }

    /** The failure share in {@code [0, 1]}; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }

    /** "METHOD name", or just the name for rows without a method. */
    public String label() {
        return method.isEmpty() ? name : method + " " + name;
    }
}
