package dev.throng.engine.time;

/**
 * The one source of time for the engine: ramps, pacing, heartbeats and timeouts all read it.
 *
 * <p>Only {@link SystemClock} reads the system's time or sleeps; tests use a fake clock advanced by hand.
 * Implementations are thread-safe.
 */
public interface Clock {
    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for timestamps shown to people. */
    long currentTimeMillis();

    /**
     * Blocks the calling thread until {@link #nanoTime()} has reached {@code deadlineNanos}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepUntil(long deadlineNanos) throws InterruptedException;

    /** Blocks the calling thread for {@code nanos} nanoseconds (nothing when zero or negative). */
    default void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            sleepUntil(nanoTime() + nanos);
        }
    }

    /** The clock of the running system. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
