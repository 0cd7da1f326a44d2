package dev.throng.engine.user;

import dev.throng.engine.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The think times of one run's users that wait without a thread (see {@link VirtualUser#startClosed}): a binary heap
 * of deadlines, and one timer thread that, at each deadline, hands the user to {@link UserControl#deadlineReached()}
 * (which starts the user's next thread). About 12 bytes per waiting user, against a parked virtual thread's few KB.
 *
 * <p>The timer thread is a daemon platform thread that sleeps on the run's {@link Clock}; it exists only while someone
 * waits, and is interrupted when a deadline earlier than the one it sleeps towards is added.
 *
 * <p>Thread-safe: guarded by {@code this}. Lock order: a {@link UserControl}'s lock may be held while calling
 * {@link #add} or {@link #remove}; this class never calls a {@link UserControl} while holding its own lock.
 */
final class Wakeups {
    private static final int INITIAL_CAPACITY = 16;

    private final Clock clock;
    private final Consumer<UserControl> due;
    private long[] deadlines = new long[INITIAL_CAPACITY];
    private UserControl[] waiting = new UserControl[INITIAL_CAPACITY];
    private int size;
    private Thread timer;
    /** The deadline the timer sleeps towards, ns on the clock. */
    private long timerTarget;

    Wakeups(Clock clock) {
        this(clock, UserControl::deadlineReached);
    }

    /** With what to do at a deadline instead of resuming the user (tests). */
    Wakeups(Clock clock, Consumer<UserControl> due) {
        this.clock = clock;
        this.due = due;
    }

    /** Wakes {@code control}'s user at {@code deadlineNanos} on the clock; it must not be waiting already. */
    synchronized void add(UserControl control, long deadlineNanos) {
        if (size == deadlines.length) {
            deadlines = Arrays.copyOf(deadlines, size * 2);
            waiting = Arrays.copyOf(waiting, size * 2);
        }
        int i = size++;
        deadlines[i] = deadlineNanos;
        waiting[i] = control;
        control.wakeIndex = i;
        siftUp(i);
        if (timer == null) {
            timer = Thread.ofPlatform().name("throng-think-timer").daemon().start(this::runTimer);
        } else if (control.wakeIndex == 0 && deadlineNanos - timerTarget < 0) {
            timer.interrupt();
        }
    }

    /** Forgets {@code control}'s wait, if it has one (it was cut short). */
    synchronized void remove(UserControl control) {
        int i = control.wakeIndex;
        if (i < 0 || i >= size || waiting[i] != control) {
            return;
        }
        control.wakeIndex = -1;
        int last = --size;
        if (i != last) {
            move(last, i);
            waiting[last] = null;
            siftDown(i);
            siftUp(i);
        } else {
            waiting[last] = null;
        }
        shrink();
    }

    /** Users waiting now. */
    synchronized int size() {
        return size;
    }

    private void runTimer() {
        while (true) {
            UserControl first = null;
            long target = 0;
            synchronized (this) {
                Thread.interrupted(); // interrupts are sent under this lock: what they announced is visible now
                if (size == 0) {
                    timer = null;
                    return;
                }
                if (deadlines[0] - clock.nanoTime() <= 0) {
                    first = pollFirst();
                } else {
                    target = deadlines[0];
                    timerTarget = target;
                }
            }
            if (first != null) {
                due.accept(first);
                continue;
            }
            try {
                clock.sleepUntil(target);
            } catch (InterruptedException e) {
                // an earlier deadline came: look again
            }
        }
    }

    private UserControl pollFirst() {
        UserControl first = waiting[0];
        first.wakeIndex = -1;
        int last = --size;
        if (last > 0) {
            move(last, 0);
            waiting[last] = null;
            siftDown(0);
        } else {
            waiting[0] = null;
        }
        shrink();
        return first;
    }

    /** Gives memory back after a crowd has left (a ramp down): the arrays shrink to twice what is used. */
    private void shrink() {
        if (deadlines.length > INITIAL_CAPACITY && size < deadlines.length / 4) {
            int capacity = Math.max(INITIAL_CAPACITY, size * 2);
            deadlines = Arrays.copyOf(deadlines, capacity);
            waiting = Arrays.copyOf(waiting, capacity);
        }
    }

    private void move(int from, int to) {
        deadlines[to] = deadlines[from];
        waiting[to] = waiting[from];
        waiting[to].wakeIndex = to;
    }

    private void siftUp(int i) {
        long d = deadlines[i];
        UserControl c = waiting[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (deadlines[parent] - d <= 0) {
                break;
            }
            deadlines[i] = deadlines[parent];
            waiting[i] = waiting[parent];
            waiting[i].wakeIndex = i;
            i = parent;
        }
        deadlines[i] = d;
        waiting[i] = c;
        c.wakeIndex = i;
    }

    private void siftDown(int i) {
        long d = deadlines[i];
        UserControl c = waiting[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && deadlines[right] - deadlines[child] < 0) {
                child = right;
            }
            if (d - deadlines[child] <= 0) {
                break;
            }
            deadlines[i] = deadlines[child];
            waiting[i] = waiting[child];
            waiting[i].wakeIndex = i;
            i = child;
        }
        deadlines[i] = d;
        waiting[i] = c;
        c.wakeIndex = i;
    }
}
