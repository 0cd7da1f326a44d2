package dev.throng.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server stall ({@code POST /_demo/pause?ms=N}): until it ends, every counted request waits before it is answered.
 * Thread-safe; without a stall the check is one volatile read.
 */
final class Stall {
    private static final long NONE = Long.MIN_VALUE;
    /** Waiting requests re-check the end at least this often, in nanoseconds, so that a shortened stall frees them. */
    private static final long MAX_NAP_NANOS = 20_000_000L;

    private volatile long untilNanos = NONE;
    private final AtomicInteger waiting = new AtomicInteger();

    /** Stalls for the next {@code millis} ms from now, replacing any stall in progress; 0 ends it. */
    void pause(long millis) {
        untilNanos = millis <= 0 ? NONE : System.nanoTime() + millis * 1_000_000L;
    }

    /** What is left of the stall in ms (0 when there is none). */
    long remainingMillis() {
        long until = untilNanos;
        return until == NONE ? 0 : Math.max(0, (until - System.nanoTime() + 999_999) / 1_000_000);
    }

    /** How many requests are held by the stall now. */
    int waiting() {
        return waiting.get();
    }

    /** Returns at once without a stall, else blocks the calling (virtual) thread until the stall ends. */
    void awaitEnd() throws InterruptedException {
        if (untilNanos == NONE) {
            return;
        }
        boolean held = false;
        try {
            long until;
            long remaining;
            while ((until = untilNanos) != NONE && (remaining = until - System.nanoTime()) > 0) {
                if (!held) {
                    waiting.incrementAndGet();
                    held = true;
                }
                Thread.sleep(Duration.ofNanos(Math.min(remaining, MAX_NAP_NANOS)));
            }
        } finally {
            if (held) {
                waiting.decrementAndGet();
            }
        }
    }
}
