package dev.throng.engine.proof;

import dev.throng.engine.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The system clock, except that the first time the thread named {@code thread} goes to sleep at or after {@code
 * atNanos} (of this clock) it oversleeps by {@code hiccupNanos}: a pause of the load generator itself (a GC pause, a
 * descheduled thread) at a known moment. Thread-safe.
 */
final class HiccupClock implements Clock {
    private final Clock system = Clock.system();
    private final String thread;
    private final long atNanos;
    private final long hiccupNanos;
    private final AtomicBoolean done = new AtomicBoolean();

    /**
     * @param thread the name of the thread to hold up
     * @param afterNanos from now, ns: the first sleep of {@code thread} after that oversleeps
     * @param hiccupNanos by how much, ns
     */
    HiccupClock(String thread, long afterNanos, long hiccupNanos) {
        this.thread = thread;
        this.atNanos = system.nanoTime() + afterNanos;
        this.hiccupNanos = hiccupNanos;
    }

    /** Whether the hiccup has happened. */
    boolean happened() {
        return done.get();
    }

    @Override
    public long nanoTime() {
        return system.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return system.currentTimeMillis();
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        long now = system.nanoTime();
        if (now - atNanos >= 0 && Thread.currentThread().getName().equals(thread) && done.compareAndSet(false, true)) {
            // oversleep without waking for interrupts: a paused thread does not react either
            long until = Math.max(deadlineNanos, now) + hiccupNanos;
            boolean interrupted = false;
            while (system.nanoTime() - until < 0) {
                try {
                    system.sleepUntil(until);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        system.sleepUntil(deadlineNanos);
    }
}
