package dev.throng.engine.stats;

/**
 * Failures grouped by (name, method, kind, message).
 *
 * @param kind a stable label such as "http-status", "check", "connection-refused", "response-timeout"
 * @param message what went wrong, in words
 * @param count how many
 * @param firstSeenMillis wall-clock time of the first, ms since the epoch
 * @param lastSeenMillis wall-clock time of the last, ms since the epoch
 * @param example one example (e.g. the URL and the start of the response body), may be empty
 */
public record FailureStats(
        String name,
        String method,
        String kind,
        String message,
        long count,
        long firstSeenMillis,
        long lastSeenMillis,
        String example) {}
