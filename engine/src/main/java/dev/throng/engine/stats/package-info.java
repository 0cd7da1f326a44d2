/**
 * Statistics: per (name, method) HdrHistogram recorders and counters, failures grouped by (name, kind, message),
 * snapshots taken on a fixed tick (interval and cumulative), exact merging of agents' interval histograms.
 *
 * <p>Imports the JDK and HdrHistogram. Latencies are recorded in microseconds; summaries report milliseconds.
 */
package dev.throng.engine.stats;
