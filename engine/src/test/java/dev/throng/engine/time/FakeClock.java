package dev.throng.engine.time;

import java.util.concurrent.TimeUnit;

/**
 * A clock that moves only when a test advances it. Sleepers wake when the time reaches their deadline.
 *
 * <p>Thread-safe: guarded by {@code this}.
 */
public final class FakeClock implements Clock {
    private long nanos;
    private final long epochMillis;

    public FakeClock() {
        this(1_800_000_000_000L);
    }

    public FakeClock(long epochMillis) {
        this.epochMillis = epochMillis;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return epochMillis + TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Override
    public synchronized void sleepUntil(long deadlineNanos) throws InterruptedException {
        while (nanos < deadlineNanos) {
            wait();
        }
    }

    /** Moves the time forward and wakes every sleeper whose deadline has come. */
    public synchronized void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
        notifyAll();
    }

    /** Moves the time forward by {@code millis} milliseconds. */
    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }
}
