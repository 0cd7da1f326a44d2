package dev.throng.engine.run;

import dev.throng.engine.stats.StatsSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * What a finished run leaves: the final statistics, the verdicts, the history. Immutable.
 *
 * @param projectName the project's name
 * @param started when the run started
 * @param durationMillis how long it ran, ms
 * @param reason why it ended
 * @param finalStats the last snapshot (its cumulative part covers the whole run)
 * @param thresholds verdicts of every threshold
 * @param history one point per second
 * @param agents the agents that took part
 * @param histograms the cumulative histograms per row, encoded (HdrHistogram compressed, base64), keyed by row
 *     label, so saved runs can be merged and compared exactly; may be empty
 * @param capacity what the capacity search found; null unless the plan was a capacity search
 */
public record RunResult(
        String projectName,
        Instant started,
        long durationMillis,
        StopReason reason,
        StatsSnapshot finalStats,
        List<ThresholdResult> thresholds,
        List<HistoryPoint> history,
        List<AgentStatus> agents,
        java.util.Map<String, String> histograms,
        CapacityReport capacity) {

    public RunResult {
        thresholds = List.copyOf(thresholds);
        history = List.copyOf(history);
        agents = List.copyOf(agents);
        histograms = java.util.Map.copyOf(histograms);
    }

    /** The result of a run whose plan was not a capacity search. */
    public RunResult(
            String projectName,
            Instant started,
            long durationMillis,
            StopReason reason,
            StatsSnapshot finalStats,
            List<ThresholdResult> thresholds,
            List<HistoryPoint> history,
            List<AgentStatus> agents,
            java.util.Map<String, String> histograms) {
        this(projectName, started, durationMillis, reason, finalStats, thresholds, history, agents, histograms, null);
    }

    /** True when every threshold passed. */
    public boolean passed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }
}
