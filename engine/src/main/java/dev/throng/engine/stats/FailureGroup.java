package dev.throng.engine.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The failures of one (name, method, kind, message) group as a collector counts them. Thread-safe: recording threads
 * add, the ticker drains {@link #pending}.
 */
final class FailureGroup {
    final LongAdder pending = new LongAdder();
    final long firstSeenMillis;
    final AtomicLong lastSeenMillis;
    final String example;

    FailureGroup(long nowMillis, String example) {
        this.firstSeenMillis = nowMillis;
        this.lastSeenMillis = new AtomicLong(nowMillis);
        this.example = example;
    }

    void add(long nowMillis) {
        pending.increment();
        if (lastSeenMillis.get() < nowMillis) {
            lastSeenMillis.accumulateAndGet(nowMillis, Math::max);
        }
    }
}
