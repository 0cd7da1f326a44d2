package dev.throng.engine.time;

import java.util.concurrent.locks.LockSupport;

/** The system's clock: {@link System#nanoTime()} and parking. The only class that reads system time. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(remaining);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
