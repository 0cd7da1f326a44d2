package dev.throng.engine.stats;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the requests of one statistics row (a request name and method, or a group). Get one from
 * {@link StatsCollector#row} once and keep it: recording through the handle does not look anything up and does not
 * allocate.
 *
 * <p>Thread-safe: any number of threads (virtual threads included) may record at the same time; recording never
 * blocks on the ticker that takes snapshots. Latencies are in microseconds; values below 0 count as 0 and values above
 * {@link StatsCollector#MAX_LATENCY_MICROS} as that maximum.
 *
 * <p>Latency: in the open model, pass the time from the <em>intended</em> start of the request (when the arrival was
 * scheduled), not from when a thread got round to sending it, so that a slow system cannot hide its slowness by
 * delaying the requests (coordinated omission). In the closed model with pacing, pass the pacing interval as
 * {@code expectedIntervalMicros}: the row then also keeps a corrected histogram ({@link RowStats#corrected}).
 */
public final class RowRecorder {
    private final StatsCollector owner;
    private final String name;
    private final String method;

    /** Slots of the histograms a row keeps; the latency one always exists, the others once first used. */
    static final int LATENCY = 0;

    static final int CORRECTED = 1;
    static final int CONNECT = 2;
    static final int TLS = 3;
    static final int FIRST_BYTE = 4;
    static final int SLOTS = 5;

    private final Recorder latency = Histograms.newRecorder(LATENCY);
    private final AtomicReferenceArray<Recorder> recorders = new AtomicReferenceArray<>(SLOTS);
    final LongAdder failures = new LongAdder();
    final LongAdder bytes = new LongAdder();

    /**
     * Interval histograms handed back to the recorders on the next drain, by slot; owned by the thread draining
     * (under the collector's lock).
     */
    final Histogram[] recycled = new Histogram[SLOTS];

    RowRecorder(StatsCollector owner, String name, String method) {
        this.owner = owner;
        this.name = name;
        this.method = method;
        recorders.set(LATENCY, latency);
    }

    /** The row's name ({@value StatsCollector#OTHER} when the name was folded). */
    public String name() {
        return name;
    }

    /** The row's method, "" for groups. */
    public String method() {
        return method;
    }

    /**
     * Records one completed request.
     *
     * @param latencyMicros response time, µs
     * @param bytes response bytes received (0 when unknown)
     * @param failed whether it counts as a failure (call {@link #recordFailure} as well to say why)
     */
    public void record(long latencyMicros, long bytes, boolean failed) {
        latency.recordValue(Histograms.clamp(latencyMicros));
        count(bytes, failed);
    }

    /**
     * Records one completed request with the timings of its phases.
     *
     * @param latencyMicros response time, µs (from the intended start in the open model)
     * @param bytes response bytes received (0 when unknown)
     * @param failed whether it counts as a failure
     * @param connectMicros time to open a connection, µs; -1 when the request reused one
     * @param tlsMicros time of the TLS handshake, µs; -1 when there was none
     * @param firstByteMicros time from sending to the first response byte, µs; -1 when unknown
     * @param expectedIntervalMicros the pacing interval of the user, µs, for the coordinated-omission corrected
     *     histogram; 0 or less when the user is not paced
     */
    public void record(
            long latencyMicros,
            long bytes,
            boolean failed,
            long connectMicros,
            long tlsMicros,
            long firstByteMicros,
            long expectedIntervalMicros) {
        long value = Histograms.clamp(latencyMicros);
        latency.recordValue(value);
        if (expectedIntervalMicros > 0) {
            recorder(CORRECTED)
                    .recordValueWithExpectedInterval(
                            value, Histograms.correctionInterval(value, expectedIntervalMicros));
        }
        if (connectMicros >= 0) {
            recorder(CONNECT).recordValue(Histograms.clamp(connectMicros));
        }
        if (tlsMicros >= 0) {
            recorder(TLS).recordValue(Histograms.clamp(tlsMicros));
        }
        if (firstByteMicros >= 0) {
            recorder(FIRST_BYTE).recordValue(Histograms.clamp(firstByteMicros));
        }
        count(bytes, failed);
    }

    /**
     * Records why a request of this row failed, grouped by (kind, message). Call it in addition to
     * {@code record(..., failed = true)}.
     *
     * @param kind a stable label such as "http-status", "check" or "connection-refused"
     * @param message what went wrong, in words (cut to {@value StatsCollector#MAX_TEXT} characters)
     * @param example one example such as the URL and the start of the body (kept for the first of the group only)
     */
    public void recordFailure(String kind, String message, String example) {
        owner.failure(name, method, kind, message, example);
    }

    // Counters after the histogram: the drain reads counters first, so failures never outrun requests.
    private void count(long responseBytes, boolean failed) {
        if (responseBytes > 0) {
            bytes.add(responseBytes);
        }
        if (failed) {
            failures.increment();
        }
    }

    /** The recorder of {@code slot}, or {@code null} when nothing was recorded there yet. */
    Recorder recorderOrNull(int slot) {
        return recorders.get(slot);
    }

    private Recorder recorder(int slot) {
        Recorder r = recorders.get(slot);
        if (r == null) {
            Recorder fresh = Histograms.newRecorder(slot);
            r = recorders.compareAndExchange(slot, null, fresh);
            if (r == null) {
                r = fresh;
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return method.isEmpty() ? name : method + " " + name;
    }
}
