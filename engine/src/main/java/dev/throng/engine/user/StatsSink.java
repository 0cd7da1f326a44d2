package dev.throng.engine.user;

/**
 * Where users report what they did. Implementations are thread-safe (all users of a run report to one sink).
 * {@code engine.run} adapts the statistics collector to it.
 */
public interface StatsSink {
    /**
     * One finished request.
     *
     * @param name the row name (the request's name or URL template, never the rendered URL)
     * @param method the HTTP method
     * @param latencyMicros response time, µs (from the intended start in the open model)
     * @param bytes response body bytes
     * @param failed whether it failed (then {@link #failure} is also called)
     * @param connectMicros time to open a connection, µs; -1 when a kept-alive connection was reused
     * @param tlsMicros the TLS handshake, µs; -1 when there was none
     * @param firstByteMicros time to the first response byte, µs; -1 when unknown
     * @param expectedIntervalMicros the paced interval between iterations (for coordinated-omission correction), µs;
     *     0 when the user is not paced
     */
    void request(
            String name,
            String method,
            long latencyMicros,
            long bytes,
            boolean failed,
            long connectMicros,
            long tlsMicros,
            long firstByteMicros,
            long expectedIntervalMicros);

    /** Why a request failed: a stable {@code kind} label, the message, and an example (URL, start of the body). */
    void failure(String name, String method, String kind, String message, String example);

    /** A group (transaction) finished; {@code failed} when any request in it failed. */
    void group(String name, long latencyMicros, boolean failed);

    /** A sink that drops everything. */
    StatsSink NONE = new StatsSink() {
        @Override
        public void request(
                String name,
                String method,
                long latencyMicros,
                long bytes,
                boolean failed,
                long connectMicros,
                long tlsMicros,
                long firstByteMicros,
                long expectedIntervalMicros) {}

        @Override
        public void failure(String name, String method, String kind, String message, String example) {}

        @Override
        public void group(String name, long latencyMicros, boolean failed) {}
    };
}
