/**
 * Statistics: per (name, method) HdrHistogram recorders and counters, failures grouped by (name, method, kind,
 * message), snapshots taken on a fixed tick (interval and cumulative), exact merging of agents' interval histograms,
 * and threshold verdicts.
 *
 * <ul>
 *   <li>{@link dev.throng.engine.stats.StatsCollector}: what the users record into (keep a {@link
 *       dev.throng.engine.stats.RowRecorder} per request definition); a local run's ticker calls {@code snapshot()},
 *       an agent's calls {@code takeInterval()}.
 *   <li>{@link dev.throng.engine.stats.StatsAggregator}: the controller's side, adding agents' {@link
 *       dev.throng.engine.stats.IntervalStats} into the same {@link dev.throng.engine.stats.StatsSnapshot} shape.
 *   <li>{@link dev.throng.engine.stats.ThresholdEvaluator}: pass/fail rules against the cumulative figures.
 *   <li>{@link dev.throng.engine.stats.StatsWindow}: the figures of a span of a run (the intervals closed while it is
 *       open), judged with the same rules; a capacity search judges each step on one.
 *   <li>{@link dev.throng.engine.stats.HistogramCodec}: histograms as compressed bytes or base64 text.
 * </ul>
 *
 * <p>Imports the JDK, HdrHistogram and the project model ({@code project.Threshold}). Latencies are recorded in
 * microseconds; summaries report milliseconds. Percentiles always come from (added) histograms, never from averages.
 */
package dev.throng.engine.stats;
