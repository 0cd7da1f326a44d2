package dev.throng.engine.stats;

/**
 * Latency percentiles of one row, in milliseconds, computed from a (merged) histogram, never averaged.
 * All zero when the row has no requests.
 */
public record LatencySummary(
        double p50Ms, double p90Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
}
