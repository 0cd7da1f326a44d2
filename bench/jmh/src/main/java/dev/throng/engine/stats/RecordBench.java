package dev.throng.engine.stats;

import dev.throng.engine.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one request into the statistics, as each user does after each response: through a kept
 * {@link RowRecorder} with its phases ({@code recordRow}), and through the collector's name lookup
 * ({@code recordByName}). Latencies are drawn from 100 µs to 100 ms so that the histograms' buckets vary as in a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBench {
    private static final int SAMPLES = 4096;

    private final long[] latencies = new long[SAMPLES];
    private StatsCollector collector;
    private RowRecorder row;
    private int i;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < SAMPLES; k++) {
            latencies[k] = (long) Math.exp(random.nextDouble(Math.log(100), Math.log(100_000)));
        }
        collector = new StatsCollector(Clock.system());
        row = collector.row("GET /", "GET");
    }

    @Benchmark
    public void recordRow() {
        long latency = latencies[i++ & (SAMPLES - 1)];
        row.record(latency, 2, false, -1, -1, latency / 2, 0);
    }

    @Benchmark
    public void recordByName() {
        long latency = latencies[i++ & (SAMPLES - 1)];
        collector.record("GET /", "GET", latency, 2, false);
    }
}
