package dev.throng.engine.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One agent's statistics for one interval, in the form sent to the controller: per-row counters and encoded
 * interval histograms ({@link HistogramCodec#encodeInterval}, values in µs), the failure groups that grew, and the
 * request names the agent folded into "(other)". A {@link StatsAggregator} adds these exactly. Immutable value
 * (do not change the arrays).
 *
 * @param sequence the agent's interval number, from 1; a gap means an interval was lost
 * @param rows the rows that changed in the interval
 * @param failures failure groups that grew: {@link FailureStats#count()} is the growth in this interval, first and
 *     last seen are the group's since the start
 * @param foldedNames the first few request names the agent folded into "(other)" since the start (empty when none)
 */
public record IntervalStats(long sequence, List<Row> rows, List<FailureStats> failures, List<String> foldedNames) {

    public IntervalStats {
        rows = List.copyOf(rows);
        failures = List.copyOf(failures);
        foldedNames = List.copyOf(foldedNames);
    }

    /**
     * One row of an interval. Histograms are in the sparse form of {@link HistogramCodec#encodeInterval}
     * (microsecond values), or
     * {@code null} when the row recorded nothing of that kind.
     *
     * @param name request or group name
     * @param method HTTP method, "" for groups
     * @param requests requests completed in the interval (the latency histogram's count)
     * @param failures failed requests in the interval
     * @param bytes response bytes in the interval
     * @param latency response times
     * @param corrected response times corrected for coordinated omission, or {@code null}
     * @param connect connect times, or {@code null}
     * @param tls TLS handshake times, or {@code null}
     * @param firstByte times to first byte, or {@code null}
     */
    public record Row(
            String name,
            String method,
            long requests,
            long failures,
            long bytes,
            byte[] latency,
            byte[] corrected,
            byte[] connect,
            byte[] tls,
            byte[] firstByte) {

        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(method, "method");
        }

        /** Equal when every field is, the histograms compared by content. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r
                    && name.equals(r.name)
                    && method.equals(r.method)
                    && requests == r.requests
                    && failures == r.failures
                    && bytes == r.bytes
                    && Arrays.equals(latency, r.latency)
                    && Arrays.equals(corrected, r.corrected)
                    && Arrays.equals(connect, r.connect)
                    && Arrays.equals(tls, r.tls)
                    && Arrays.equals(firstByte, r.firstByte);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, method, requests, failures, bytes, Arrays.hashCode(latency));
        }

        @Override
        public String toString() {
            return "Row[" + (method.isEmpty() ? name : method + " " + name) + ", requests=" + requests + ", failures="
                    + failures + ", bytes=" + bytes + "]";
        }

        /** The encoded histogram of {@code slot} (see {@link RowRecorder}'s slot numbers). */
        byte[] histogram(int slot) {
            return switch (slot) {
                case RowRecorder.LATENCY -> latency;
                case RowRecorder.CORRECTED -> corrected;
                case RowRecorder.CONNECT -> connect;
                case RowRecorder.TLS -> tls;
                case RowRecorder.FIRST_BYTE -> firstByte;
                default -> throw new IllegalArgumentException("slot " + slot);
            };
        }
    }
}
