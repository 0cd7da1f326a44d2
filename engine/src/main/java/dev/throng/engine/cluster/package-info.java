/**
 * Distributed and local runs: the controller's side ({@link dev.throng.engine.cluster.Controller}, a run that drives
 * agents through {@link dev.throng.engine.cluster.AgentLink}s and is a {@link dev.throng.engine.run.RunHandle}) and
 * the agent's side ({@link dev.throng.engine.cluster.AgentWorker}, which carries out its share of each run
 * it is sent with a local run of that share).
 *
 * <p>Who does what: the controller computes every agent's share centrally and deterministically ({@code Shares}),
 * ships the project text and its data files, starts, changes and stops the agents, merges their interval statistics
 * exactly ({@link dev.throng.engine.stats.StatsAggregator}) and re-dispatches the users of a lost agent to the others
 * ({@code ShareDispatch}, from what the run wants now: {@code LiveTargets}); the unique rows an agent that left did
 * not use go to the others ({@code RowLedger}). A local run is the same run on one agent in this process
 * ({@link dev.throng.engine.cluster.Controller#startLocal}), without sockets.
 * Agents stop their load by themselves when their controller goes silent, and every agent's run is bounded by the
 * plan's duration.
 *
 * <p>Imports the JDK and the engine's packages ({@code run}, {@code stats}, {@code protocol}, {@code transport},
 * {@code project}, {@code load}, {@code time}, {@code user} for data tables, and {@code run.internal}'s
 * capacity-search driver, which judges the steps on the merged statistics); never ZeroMQ directly.
 */
package dev.throng.engine.cluster;
