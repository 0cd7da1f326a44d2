/**
 * The run façade: start a run of a project ({@link dev.throng.engine.run.Runs}), observe it through immutable
 * snapshots, change it live, stop it, and get its result; or run one user alone to see its requests (the debug run).
 * Used alike by the command line and the desktop app; local and distributed runs share it. A capacity search
 * (a {@code LoadPlan.Capacity}) runs as its base plan whose target it moves itself; where it stands is in each
 * snapshot's {@link dev.throng.engine.run.CapacityReport}, and what it found in the result's.
 *
 * <p>Imports the JDK and the engine's own packages. The local implementation lives in {@code run.internal}.
 */
package dev.throng.engine.run;
