package dev.throng.engine.run.internal;

import dev.throng.engine.user.UserControl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The users of a local run: the active ones per profile (newest last), the ones asked to stop and not gone yet, and
 * every user whose thread is still alive. The scheduler adds and retires users; a user's own thread reports its exit.
 * Thread-safe: everything is guarded by {@link #lock}.
 */
final class UserPool {
    /** One user: its number, profile index and control; {@code active} is guarded by the pool's lock. */
    static final class Member {
        private final long index;
        private final int profile;
        private final UserControl control;
        private boolean active;

        Member(long index, int profile, UserControl control) {
            this.index = index;
            this.profile = profile;
            this.control = control;
        }

        long index() {
            return index;
        }

        int profile() {
            return profile;
        }

        UserControl control() {
            return control;
        }
    }

    private record Retiring(Member member, long killAtNanos) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Deque<Member>> active = new ArrayList<>();
    /** In order of their kill time (the grace is the same for all). */
    private final Deque<Retiring> retiring = new ArrayDeque<>();

    private final Set<Member> alive = new HashSet<>();

    UserPool(int profiles) {
        for (int p = 0; p < profiles; p++) {
            active.add(new ArrayDeque<>());
        }
    }

    /** Adds a user (before its thread starts); {@code counted} users are active in the closed model. */
    void add(Member m, boolean counted) {
        lock.lock();
        try {
            if (counted) {
                active.get(m.profile()).addLast(m);
                m.active = true;
            }
            alive.add(m);
        } finally {
            lock.unlock();
        }
    }

    /** Active users per profile. */
    int[] counts() {
        lock.lock();
        try {
            int[] c = new int[active.size()];
            for (int p = 0; p < c.length; p++) {
                c[p] = active.get(p).size();
            }
            return c;
        } finally {
            lock.unlock();
        }
    }

    /** Active users. */
    int activeCount() {
        int n = 0;
        for (int c : counts()) {
            n += c;
        }
        return n;
    }

    /** Users whose thread is still alive (active, retiring and open-model arrivals). */
    int aliveCount() {
        lock.lock();
        try {
            return alive.size();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the newest active user of {@code profile} to stop; it is killed if still there at {@code killAtNanos}. */
    boolean retireNewest(int profile, long killAtNanos) {
        lock.lock();
        try {
            Member m = active.get(profile).pollLast();
            if (m == null) {
                return false;
            }
            m.active = false;
            retiring.addLast(new Retiring(m, killAtNanos));
            m.control().requestStop();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Kills the retiring users whose grace has run out at {@code nowNanos}. */
    void killOverdue(long nowNanos) {
        lock.lock();
        try {
            Retiring head;
            while ((head = retiring.peekFirst()) != null) {
                boolean gone = !alive.contains(head.member());
                if (!gone && nowNanos - head.killAtNanos() < 0) {
                    return;
                }
                if (!gone) {
                    head.member().control().kill();
                }
                retiring.pollFirst();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called by a user's thread as it ends, whatever the reason. */
    void exited(Member m) {
        lock.lock();
        try {
            if (m.active) {
                // only users that end by themselves (a data source ran out) are still listed: rare, so a scan is fine
                active.get(m.profile()).remove(m);
                m.active = false;
            }
            alive.remove(m);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks every active user (closed model) to stop after its current step; none is active any more. Open-model
     * arrivals are not asked: an arrival is one iteration, which a graceful stop lets finish (the plan's graceful-stop
     * timeout still kills it). Retiring users were asked already.
     */
    void stopAll() {
        List<Member> stopping = new ArrayList<>();
        lock.lock();
        try {
            for (var deque : active) {
                for (Member m : deque) {
                    m.active = false;
                    stopping.add(m);
                }
                deque.clear();
            }
        } finally {
            lock.unlock();
        }
        for (Member m : stopping) {
            m.control().requestStop();
        }
    }

    /** Kills every user still alive; none is active any more (so their exits need no search in the lists). */
    void killAll() {
        lock.lock();
        try {
            for (var deque : active) {
                for (Member m : deque) {
                    m.active = false;
                }
                deque.clear();
            }
        } finally {
            lock.unlock();
        }
        for (Member m : snapshot()) {
            m.control().kill();
        }
    }

    private List<Member> snapshot() {
        lock.lock();
        try {
            return List.copyOf(alive);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no user is alive, at most {@code timeoutNanos} of real time (a bound on shutting down, so it does
     * not follow the run's clock).
     *
     * @return true when every user has ended
     */
    boolean awaitAllGone(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (!alive.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeoutNanos} of real time for a user to end (or any change). */
    void awaitChange(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            changed.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }
}
