package dev.throng.engine.load;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The number of users a closed plan wants at each moment, as a pure function of the time since the start.
 *
 * <p>A ramp at {@code r} users/s changes the count by one at once and then by one every {@code 1/r} s, so the k-th
 * change (from 0) happens at {@code k/r} s. A linear stage moves from its start to its target over its duration,
 * truncated towards the start value (the target is reached exactly at the stage's end). A rate of 0 or less (or an
 * infinite one) means "all at once". Immutable and thread-safe. Times are nanoseconds since the start.
 */
public final class ClosedSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    /** One piece of the schedule: from {@code from} users towards {@code to}, starting at {@code startNanos}. */
    private record Segment(long startNanos, long lengthNanos, int from, int to, double rate) {
        int usersAt(long sinceStart) {
            if (from == to) {
                return to;
            }
            int distance = Math.abs(to - from);
            int sign = to > from ? 1 : -1;
            if (Double.isNaN(rate)) {
                // linear over the segment
                if (lengthNanos <= 0 || sinceStart >= lengthNanos) {
                    return to;
                }
                long moved = (long) Math.floor((double) distance * sinceStart / lengthNanos);
                return from + sign * (int) Math.min(distance, moved);
            }
            if (rate <= 0 || Double.isInfinite(rate)) {
                return to;
            }
            long changes = (long) Math.floor(rate * sinceStart / NANOS_PER_SECOND + 1e-9) + 1;
            return from + sign * (int) Math.min(distance, changes);
        }
    }

    private final List<Segment> segments;
    private final long durationNanos;

    private ClosedSchedule(List<Segment> segments, long durationNanos) {
        this.segments = List.copyOf(segments);
        this.durationNanos = durationNanos;
    }

    /** The schedule of a closed plan (its stages, or its users and spawn rate). */
    public static ClosedSchedule of(LoadPlan.Closed plan) {
        long planned = nanos(plan.duration());
        if (plan.stages().isEmpty()) {
            return ramp(0, plan.users(), plan.spawnRate(), planned);
        }
        var segments = new ArrayList<Segment>();
        long start = 0;
        int users = 0;
        for (LoadPlan.Stage stage : plan.stages()) {
            long length = nanos(stage.duration());
            double rate = stage.rate() == null ? Double.NaN : stage.rate();
            var segment = new Segment(start, length, users, Math.max(0, stage.target()), rate);
            segments.add(segment);
            users = segment.usersAt(length);
            start += length;
        }
        return new ClosedSchedule(segments, Math.max(start, planned));
    }

    /**
     * A ramp from {@code from} to {@code to} users at {@code rate} users/s, then holding {@code to} until
     * {@code durationNanos}. Used for the plan without stages and for live changes (with times relative to the
     * change).
     */
    public static ClosedSchedule ramp(int from, int to, double rate, long durationNanos) {
        return new ClosedSchedule(
                List.of(new Segment(0, durationNanos, Math.max(0, from), Math.max(0, to), rate)), durationNanos);
    }

    /** Users wanted at {@code elapsedNanos} since the start (0 before the start). */
    public int usersAt(long elapsedNanos) {
        if (elapsedNanos < 0 || segments.isEmpty()) {
            return 0;
        }
        Segment current = segments.getFirst();
        for (Segment s : segments) {
            if (s.startNanos() <= elapsedNanos) {
                current = s;
            }
        }
        return current.usersAt(elapsedNanos - current.startNanos());
    }

    /** The most users wanted at any moment of the schedule. */
    public int maxUsers() {
        int max = 0;
        for (Segment s : segments) {
            max = Math.max(max, Math.max(s.from(), s.to()));
        }
        return max;
    }

    /** The total length, nanoseconds. */
    public long durationNanos() {
        return durationNanos;
    }

    /** Whether the plan's duration has elapsed at {@code elapsedNanos}. */
    public boolean isOver(long elapsedNanos) {
        return elapsedNanos >= durationNanos;
    }

    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
