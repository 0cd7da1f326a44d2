package dev.throng.engine.user;

import dev.throng.engine.time.Clock;

/**
 * How the scheduler stops one virtual user. Thread-safe: the user's thread waits through {@link #pause}; any thread
 * may call {@link #requestStop()} or {@link #kill()}. Guarded by {@code this}.
 *
 * <p>A graceful stop lets the user finish the step it is in (a pause or a think time is cut short at once), then run
 * its profile's stop flow. A kill interrupts the user's thread wherever it is (an HTTP call in progress is
 * abandoned) and nothing more is recorded.
 */
public final class UserControl {
    private Thread thread;
    private boolean sleeping;
    private volatile boolean stopping;
    private volatile boolean killed;
    private volatile boolean inStopFlow;

    /** Registers the thread that runs the user; called by the user's thread first. */
    public synchronized void bind(Thread userThread) {
        this.thread = userThread;
        if (killed) {
            userThread.interrupt();
        }
    }

    /** Asks the user to stop after its current step. */
    public synchronized void requestStop() {
        stopping = true;
        if (sleeping && !inStopFlow && thread != null) {
            thread.interrupt();
        }
    }

    /** Stops the user at once. */
    public synchronized void kill() {
        stopping = true;
        killed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isStopping() {
        return stopping;
    }

    public boolean isKilled() {
        return killed;
    }

    /** Marks the start of the stop flow: from now on only {@link #kill()} cuts pauses short. */
    void enterStopFlow() {
        inStopFlow = true;
    }

    /**
     * Waits until {@code deadlineNanos} on {@code clock}, unless the user is asked to stop (outside its stop flow).
     *
     * @return true when the wait ran to its end, false when it was cut short by a stop
     * @throws InterruptedException when the user was killed
     */
    boolean pause(Clock clock, long deadlineNanos) throws InterruptedException {
        synchronized (this) {
            if (killed) {
                throw new InterruptedException("user killed");
            }
            if (stopping && !inStopFlow) {
                return false;
            }
            sleeping = true;
        }
        try {
            clock.sleepUntil(deadlineNanos);
            return true;
        } catch (InterruptedException e) {
            if (killed) {
                throw e;
            }
            return false;
        } finally {
            synchronized (this) {
                sleeping = false;
                if (!killed) {
                    Thread.interrupted(); // a graceful stop's wake-up must not reach the next HTTP call
                }
            }
        }
    }
}
