package dev.throng.engine.protocol;

import dev.throng.engine.protocol.FrameReader.BadFrame;
import dev.throng.engine.stats.FailureStats;
import dev.throng.engine.stats.IntervalStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a {@link Message.Stats}: an agent's {@link IntervalStats} in bytes, and back.
 *
 * <pre>
 * payload : format u8 (2) | sequence i64 | rows: count i32, count × row | failures: count i32, count × failure |
 *           foldedNames: count i32, count × string
 * row     : name string | method string | requests i64 | failures i64 | bytes i64 |
 *           latency, corrected, connect, tls, firstByte: each opt&lt;bytes&gt; (sparse interval histogram, µs:
 *           HistogramCodec.encodeInterval)
 * failure : name string | method string | kind string | message string | count i64 | firstSeenMillis i64 |
 *           lastSeenMillis i64 | example string
 * </pre>
 *
 * (strings, bytes and opt as in {@link MessageCodec}). Format 1 carried zlib-compressed HdrHistograms; format 2 the
 * sparse form, which the controller adds without decompressing (an agent of the other format is refused with a message
 * naming both). Decoding checks the structure strictly; the histograms inside stay encoded and are checked when the
 * aggregator adds them. Stateless and thread-safe.
 */
public final class IntervalStatsCodec {
    static final int FORMAT = 2;

    private IntervalStatsCodec() {}

    /** The payload bytes of {@code stats}. */
    public static byte[] encode(IntervalStats stats) {
        FrameWriter out = new FrameWriter(256 + stats.rows().size() * 400);
        out.u8(FORMAT);
        out.i64(stats.sequence());
        out.i32(stats.rows().size());
        for (IntervalStats.Row row : stats.rows()) {
            out.string(row.name());
            out.string(row.method());
            out.i64(row.requests());
            out.i64(row.failures());
            out.i64(row.bytes());
            optionalBytes(out, row.latency());
            optionalBytes(out, row.corrected());
            optionalBytes(out, row.connect());
            optionalBytes(out, row.tls());
            optionalBytes(out, row.firstByte());
        }
        out.i32(stats.failures().size());
        for (FailureStats failure : stats.failures()) {
            out.string(failure.name());
            out.string(failure.method());
            out.string(failure.kind());
            out.string(failure.message());
            out.i64(failure.count());
            out.i64(failure.firstSeenMillis());
            out.i64(failure.lastSeenMillis());
            out.string(failure.example());
        }
        out.i32(stats.foldedNames().size());
        stats.foldedNames().forEach(out::string);
        return out.toByteArray();
    }

    /**
     * Reads a payload made by {@link #encode}.
     *
     * @throws IllegalArgumentException if the bytes are not such a payload (the message says what is wrong)
     */
    public static IntervalStats decode(byte[] payload) {
        try {
            FrameReader in = new FrameReader(payload, 0);
            int format = in.u8("format");
            if (format != FORMAT) {
                throw new BadFrame("unknown stats payload format " + format + " (this controller reads format " + FORMAT
                        + "): run the same Throng version on the agents and the controller");
            }
            long sequence = in.i64("sequence");
            int rowCount = in.count("rows", 37);
            List<IntervalStats.Row> rows = new ArrayList<>(rowCount);
            for (int i = 0; i < rowCount; i++) {
                rows.add(new IntervalStats.Row(
                        in.string("row name"),
                        in.string("row method"),
                        in.i64("requests"),
                        in.i64("failures"),
                        in.i64("bytes"),
                        optionalBytes(in, "latency"),
                        optionalBytes(in, "corrected"),
                        optionalBytes(in, "connect"),
                        optionalBytes(in, "tls"),
                        optionalBytes(in, "firstByte")));
            }
            int failureCount = in.count("failures", 44);
            List<FailureStats> failures = new ArrayList<>(failureCount);
            for (int i = 0; i < failureCount; i++) {
                failures.add(new FailureStats(
                        in.string("failure name"),
                        in.string("failure method"),
                        in.string("failure kind"),
                        in.string("failure message"),
                        in.i64("failure count"),
                        in.i64("firstSeenMillis"),
                        in.i64("lastSeenMillis"),
                        in.string("failure example")));
            }
            int foldedCount = in.count("foldedNames", 4);
            List<String> folded = new ArrayList<>(foldedCount);
            for (int i = 0; i < foldedCount; i++) {
                folded.add(in.string("folded name"));
            }
            in.end();
            return new IntervalStats(sequence, rows, failures, folded);
        } catch (BadFrame e) {
            throw new IllegalArgumentException("invalid stats payload: " + e.getMessage(), e);
        }
    }

    private static void optionalBytes(FrameWriter out, byte[] bytes) {
        out.bool(bytes != null);
        if (bytes != null) {
            out.bytes(bytes);
        }
    }

    private static byte[] optionalBytes(FrameReader in, String what) throws BadFrame {
        return in.bool(what + " presence") ? in.bytes(what) : null;
    }
}
