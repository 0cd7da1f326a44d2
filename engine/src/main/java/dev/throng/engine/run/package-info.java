/**
 * The run façade: start a run of a project ({@link dev.throng.engine.run.Runs}), observe it through immutable
 * snapshots, change it live, stop it, and get its result; or run one user alone to see its requests (the debug run).
 * Used alike by the command line and the desktop app; local and distributed runs share it. A capacity search
 * (a {@code LoadPlan.Capacity}) runs as its base plan whose target it moves itself; where it stands is in each
 * snapshot's {@link dev.throng.engine.run.CapacityReport}, and what it found in the result's.
 *
 * <p>A local run is the controller's run ({@code cluster}) on one agent in this process, without sockets: local and
 * distributed runs are one code path. What every agent runs, its part of a run ({@link
 * dev.throng.engine.run.Runs#startShare}), lives in {@code run.internal}.
 *
 * <p>Imports the JDK and the engine's own packages ({@code cluster} for the controller).
 */
package dev.throng.engine.run;
