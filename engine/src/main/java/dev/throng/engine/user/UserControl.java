package dev.throng.engine.user;

import dev.throng.engine.time.Clock;

/**
 * How the scheduler stops one virtual user. Thread-safe: the user's thread waits through {@link #pause}; any thread
 * may call {@link #requestStop()} or {@link #kill()}. Guarded by {@code this}.
 *
 * <p>A graceful stop lets the user finish the step it is in (a pause or a think time is cut short at once), then run
 * its profile's stop flow. A kill interrupts the user's thread wherever it is (an HTTP call in progress is
 * abandoned) and nothing more is recorded.
 *
 * <p>A user that waits without a thread ({@link #suspend}) is resumed at once, on a new thread, by a stop or a kill.
 */
public final class UserControl {
    private Thread thread;
    private boolean sleeping;
    /** The user waiting without a thread, resumed by whoever takes it first; {@code null} otherwise. */
    private VirtualUser suspended;
    /** Where the suspended user's deadline is kept. */
    private Wakeups wakeups;
    /** This control's place in {@link Wakeups}' heap, or -1; guarded by the {@link Wakeups}' lock. */
    int wakeIndex = -1;

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
    public void requestStop() {
        VirtualUser resume;
        synchronized (this) {
            stopping = true;
            if (sleeping && !inStopFlow && thread != null) {
                thread.interrupt();
            }
            resume = takeSuspended();
        }
        if (resume != null) {
            resume.resume();
        }
    }

    /** Stops the user at once. */
    public void kill() {
        VirtualUser resume;
        synchronized (this) {
            stopping = true;
            killed = true;
            if (thread != null) {
                thread.interrupt();
            }
            resume = takeSuspended();
        }
        if (resume != null) {
            resume.resume();
        }
    }

    /**
     * Lets {@code user} wait until {@code deadlineNanos} without a thread: its caller's thread is free to end, and the
     * user is resumed ({@link VirtualUser#resume()}) on the timer thread at the deadline, or at once by a stop or a
     * kill. Called from the user's thread.
     *
     * @return false (and nothing is scheduled) when the user is stopping already
     */
    boolean suspend(Wakeups wakeups, long deadlineNanos, VirtualUser user) {
        synchronized (this) {
            if (stopping) {
                return false;
            }
            thread = null;
            suspended = user;
            this.wakeups = wakeups;
            wakeups.add(this, deadlineNanos);
            return true;
        }
    }

    /** Called by {@link Wakeups}' timer at the deadline of a suspended user. */
    void deadlineReached() {
        VirtualUser resume;
        synchronized (this) {
            resume = suspended;
            suspended = null;
            wakeups = null;
        }
        if (resume != null) {
            resume.resume();
        }
    }

    /** The suspended user, taken off the timer; {@code null} when there is none. Caller holds {@code this}. */
    private VirtualUser takeSuspended() {
        VirtualUser user = suspended;
        if (user != null) {
            suspended = null;
            wakeups.remove(this);
            wakeups = null;
        }
        return user;
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
