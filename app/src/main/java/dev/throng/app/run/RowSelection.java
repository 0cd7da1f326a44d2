package dev.throng.app.run;

import dev.throng.engine.stats.RowStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows the statistics table shows: those whose label contains the filter (ignoring case), at most {@code limit}
 * of them, the busiest first when there are more (so the table stays light however many names a run produces).
 * Immutable.
 *
 * @param rows the rows to show, in the snapshot's order (by label) unless they were cut to the busiest
 * @param matching how many rows matched the filter before the cut
 * @param all how many rows the snapshot had
 */
record RowSelection(List<StatsRow> rows, int matching, int all) {

    RowSelection {
        rows = List.copyOf(rows);
    }

    static final RowSelection EMPTY = new RowSelection(List.of(), 0, 0);

    /** True when rows were left out because of the limit. */
    boolean cut() {
        return rows.size() < matching;
    }

    static RowSelection select(List<RowStats> cumulative, List<RowStats> interval, String filter, int limit) {
        Map<String, Double> current = HashMap.newHashMap(interval.size());
        for (RowStats r : interval) {
            current.put(r.label(), r.rps());
        }
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        List<RowStats> matched = new ArrayList<>();
        for (RowStats r : cumulative) {
            if (needle.isEmpty() || r.label().toLowerCase(Locale.ROOT).contains(needle)) {
                matched.add(r);
            }
        }
        int matching = matched.size();
        if (matched.size() > limit) {
            matched.sort(Comparator.comparingLong(RowStats::requests).reversed());
            matched = matched.subList(0, limit);
        }
        List<StatsRow> rows = new ArrayList<>(matched.size());
        for (RowStats r : matched) {
            rows.add(StatsRow.of(r, current.getOrDefault(r.label(), 0.0)));
        }
        return new RowSelection(rows, matching, cumulative.size());
    }
}
