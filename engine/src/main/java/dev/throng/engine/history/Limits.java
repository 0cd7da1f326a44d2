package dev.throng.engine.history;

/**
 * How much worse a run may be than the one it is compared with before a row counts as a regression. A change counts
 * only when it is beyond the limit; {@code Double.POSITIVE_INFINITY} turns a check off.
 *
 * @param p50Increase relative rise of the median allowed (0.10 = 10%)
 * @param p95Increase relative rise of the 95th percentile allowed
 * @param p99Increase relative rise of the 99th percentile allowed
 * @param errorRatePoints rise of the error rate allowed, as a fraction (0.01 = one percentage point)
 * @param rpsDecrease relative fall of requests per second allowed
 * @param minLatencyChangeMs latency changes smaller than this (ms) never count, however large relatively (1 ms to
 *     1.5 ms is +50% but noise)
 */
public record Limits(
        double p50Increase,
        double p95Increase,
        double p99Increase,
        double errorRatePoints,
        double rpsDecrease,
        double minLatencyChangeMs) {

    /** p95 +10%, error rate +1 point, req/s -10%; p50 and p99 not judged; changes under 1 ms ignored. */
    public static final Limits DEFAULT =
            new Limits(Double.POSITIVE_INFINITY, 0.10, Double.POSITIVE_INFINITY, 0.01, 0.10, 1.0);

    public Limits {
        check("p50Increase", p50Increase);
        check("p95Increase", p95Increase);
        check("p99Increase", p99Increase);
        check("errorRatePoints", errorRatePoints);
        check("rpsDecrease", rpsDecrease);
        check("minLatencyChangeMs", minLatencyChangeMs);
    }

    private static void check(String name, double value) {
        if (Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be zero or more, was " + value);
        }
    }

    public Limits withP50Increase(double value) {
        return new Limits(value, p95Increase, p99Increase, errorRatePoints, rpsDecrease, minLatencyChangeMs);
    }

    public Limits withP95Increase(double value) {
        return new Limits(p50Increase, value, p99Increase, errorRatePoints, rpsDecrease, minLatencyChangeMs);
    }

    public Limits withP99Increase(double value) {
        return new Limits(p50Increase, p95Increase, value, errorRatePoints, rpsDecrease, minLatencyChangeMs);
    }

    public Limits withErrorRatePoints(double value) {
        return new Limits(p50Increase, p95Increase, p99Increase, value, rpsDecrease, minLatencyChangeMs);
    }

    public Limits withRpsDecrease(double value) {
        return new Limits(p50Increase, p95Increase, p99Increase, errorRatePoints, value, minLatencyChangeMs);
    }

    public Limits withMinLatencyChangeMs(double value) {
        return new Limits(p50Increase, p95Increase, p99Increase, errorRatePoints, rpsDecrease, value);
    }
}
