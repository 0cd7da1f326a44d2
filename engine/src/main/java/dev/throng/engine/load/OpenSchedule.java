package dev.throng.engine.load;

import dev.throng.engine.project.LoadPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The arrivals of an open plan, as a pure function of the time since the start.
 *
 * <p>The rate (arrivals/s) is piecewise linear: from the plan's start rate it moves linearly to each stage's target
 * over the stage, then the last rate is held until the plan's duration. Arrival number {@code k} (counted from 0)
 * happens at the instant the integral of the rate reaches {@code k}, so arrival 0 is at the start and the arrivals in
 * any span {@code [a, b)} number {@code ceil(I(b)) - ceil(I(a))}. Immutable and thread-safe. Times are nanoseconds
 * since the start.
 */
public final class OpenSchedule {
    /** Returned by {@link #nextArrivalAfter} when no further arrival happens within the duration. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final double NANOS_PER_SECOND = 1e9;

    /** A linear piece of the rate: {@code fromRate} to {@code toRate} over {@code [start, start + length)}. */
    private record Segment(double start, double length, double fromRate, double toRate, double arrivalsBefore) {
        double slope() {
            return length <= 0 ? 0 : (toRate - fromRate) / length;
        }

        double rateAt(double t) {
            return fromRate + slope() * (t - start);
        }

        double integralAt(double t) {
            double dt = Math.min(Math.max(0, t - start), length);
            return arrivalsBefore + fromRate * dt + slope() * dt * dt / 2;
        }

        double total() {
            return integralAt(start + length) - arrivalsBefore;
        }

        /** Seconds after {@code start} at which {@code need} more arrivals have accumulated. */
        double timeFor(double need) {
            if (need <= 0) {
                return 0;
            }
            double a = slope();
            if (a == 0) {
                return need / fromRate;
            }
            double disc = fromRate * fromRate + 2 * a * need;
            // 2n / (r0 + sqrt(r0² + 2an)) is the root of r0·t + a·t²/2 = n, stable for a of either sign
            return 2 * need / (fromRate + Math.sqrt(Math.max(0, disc)));
        }
    }

    private final List<Segment> segments;
    private final double durationSeconds;

    private OpenSchedule(List<Segment> segments, double durationSeconds) {
        this.segments = List.copyOf(segments);
        this.durationSeconds = durationSeconds;
    }

    /** The schedule of an open plan. */
    public static OpenSchedule of(LoadPlan.Open plan) {
        var segments = new ArrayList<Segment>();
        double start = 0;
        double rate = Math.max(0, plan.startRate());
        double arrivals = 0;
        for (LoadPlan.RateStage stage : plan.stages()) {
            double length = ClosedSchedule.nanos(stage.duration()) / NANOS_PER_SECOND;
            double target = Math.max(0, stage.target());
            var s = new Segment(start, length, rate, target, arrivals);
            segments.add(s);
            arrivals += s.total();
            start += length;
            rate = target;
        }
        double planned = ClosedSchedule.nanos(plan.duration()) / NANOS_PER_SECOND;
        double duration = Math.max(start, planned);
        if (duration > start) {
            segments.add(new Segment(start, duration - start, rate, rate, arrivals));
        }
        return new OpenSchedule(segments, duration);
    }

    /** A constant rate for {@code durationNanos} (used for live changes, with times relative to the change). */
    public static OpenSchedule constant(double arrivalsPerSecond, long durationNanos) {
        double d = durationNanos / NANOS_PER_SECOND;
        double rate = Math.max(0, arrivalsPerSecond);
        return new OpenSchedule(List.of(new Segment(0, d, rate, rate, 0)), d);
    }

    /** The wanted rate at {@code elapsedNanos}, arrivals per second; 0 outside the schedule. */
    public double arrivalRateAt(long elapsedNanos) {
        double t = elapsedNanos / NANOS_PER_SECOND;
        if (t < 0 || t >= durationSeconds) {
            return 0;
        }
        for (Segment s : segments) {
            if (t < s.start() + s.length()) {
                return s.rateAt(t);
            }
        }
        return 0;
    }

    /** The integral of the rate from the start to {@code elapsedNanos}: how many arrivals are due by then. */
    public double arrivalsDueBy(long elapsedNanos) {
        double t = Math.min(elapsedNanos / NANOS_PER_SECOND, durationSeconds);
        if (t <= 0 || segments.isEmpty()) {
            return 0;
        }
        Segment current = segments.getFirst();
        for (Segment s : segments) {
            if (s.start() <= t) {
                current = s;
            }
        }
        return current.integralAt(t);
    }

    /**
     * The instant of arrival number {@code arrivalsSoFar} (counted from 0): the next one once {@code arrivalsSoFar}
     * arrivals have happened. {@link #NEVER} when it falls at or after the end of the schedule.
     */
    public long nextArrivalAfter(long arrivalsSoFar) {
        double k = arrivalsSoFar;
        for (Segment s : segments) {
            double end = s.arrivalsBefore() + s.total();
            if (k < end) {
                double t = s.start() + Math.min(s.length(), s.timeFor(k - s.arrivalsBefore()));
                if (t >= durationSeconds) {
                    return NEVER;
                }
                return Math.round(t * NANOS_PER_SECOND);
            }
        }
        return NEVER;
    }

    /** The total length, nanoseconds. */
    public long durationNanos() {
        return Math.round(durationSeconds * NANOS_PER_SECOND);
    }

    /** Whether the plan's duration has elapsed at {@code elapsedNanos}. */
    public boolean isOver(long elapsedNanos) {
        return elapsedNanos >= durationNanos();
    }

    /** The highest rate of the schedule, arrivals per second. */
    public double maxRate() {
        double max = 0;
        for (Segment s : segments) {
            max = Math.max(max, Math.max(s.fromRate(), s.toRate()));
        }
        return max;
    }
}
