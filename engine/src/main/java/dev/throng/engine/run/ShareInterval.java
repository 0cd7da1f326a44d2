package dev.throng.engine.run;

import dev.throng.engine.stats.IntervalStats;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent's part of a run ({@link Runs#startShare}) hands over each second, and once more after its users have
 * ended. Immutable.
 *
 * @param interval the interval's statistics (taken from the part's collector: they are in no later interval)
 * @param users users alive at the end of the interval
 * @param droppedArrivals arrivals dropped since the part started (open model), cumulative
 * @param rowsTaken rows handed out so far per unique data source id, cumulative
 * @param warnings every warning of the part so far (start warnings, then those of the run), in the order they came
 */
public record ShareInterval(
        IntervalStats interval, int users, long droppedArrivals, Map<String, Long> rowsTaken, List<String> warnings) {

    public ShareInterval {
        Objects.requireNonNull(interval, "interval");
        rowsTaken = Map.copyOf(rowsTaken);
        warnings = List.copyOf(warnings);
    }
}
