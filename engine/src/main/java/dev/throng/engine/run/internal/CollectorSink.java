package dev.throng.engine.run.internal;

import dev.throng.engine.stats.StatsCollector;
import dev.throng.engine.user.StatsSink;

/** The users' {@link StatsSink} writing to a {@link StatsCollector}. Thread-safe, as the collector is. */
public record CollectorSink(StatsCollector collector) implements StatsSink {
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
            long expectedIntervalMicros) {
        collector.record(
                name,
                method,
                latencyMicros,
                bytes,
                failed,
                connectMicros,
                tlsMicros,
                firstByteMicros,
                expectedIntervalMicros);
    }

    @Override
    public void failure(String name, String method, String kind, String message, String example) {
        collector.recordFailure(name, method, kind, message, example);
    }

    @Override
    public void group(String name, long latencyMicros, boolean failed) {
        collector.recordGroup(name, latencyMicros, failed);
    }
}
