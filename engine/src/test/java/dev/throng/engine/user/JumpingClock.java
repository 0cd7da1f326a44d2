package dev.throng.engine.user;

import dev.throng.engine.time.Clock;

/** A clock whose sleeps return at once, moving the time to their deadline. For one-thread tests. */
final class JumpingClock implements Clock {
    private long nanos;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return 1_800_000_000_000L + nanos / 1_000_000;
    }

    @Override
    public synchronized void sleepUntil(long deadlineNanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        nanos = Math.max(nanos, deadlineNanos);
    }

    synchronized void advanceMillis(long millis) {
        nanos += millis * 1_000_000;
    }
}
