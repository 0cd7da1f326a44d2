package dev.throng.app.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of the whole run, in time order, for the charts. Append-only while a run goes on; cleared when a new
 * run starts, and possibly replaced once by the finished run's own history (when the dashboard was hidden for a
 * while and missed points). {@link #generation()} changes whenever points were removed or replaced, so a reader that
 * keeps a count of points it has consumed knows when to start over.
 *
 * <p>Confined to the FX thread (the view-model's owner thread).
 */
public final class ChartHistory {
    private final List<SamplePoint> points = new ArrayList<>();
    private int generation;

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /** The point at {@code index} (0 is the oldest). */
    public SamplePoint get(int index) {
        return points.get(index);
    }

    /** A number that changes whenever points are removed or replaced (never on append). */
    public int generation() {
        return generation;
    }

    /** The elapsed time of the newest point, ms; 0 when empty. */
    public long lastElapsedMillis() {
        return points.isEmpty() ? 0 : points.getLast().elapsedMillis();
    }

    void add(SamplePoint point) {
        points.add(point);
    }

    void clear() {
        points.clear();
        generation++;
    }

    void replaceAll(List<SamplePoint> value) {
        points.clear();
        points.addAll(value);
        generation++;
    }
}
