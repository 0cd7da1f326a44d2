/**
 * The run façade: start a run of a project, observe it through immutable snapshots, change it live, stop it, and
 * get its result. Used alike by the command line and the desktop app; local and distributed runs share it.
 *
 * <p>Imports the JDK and the engine's own packages.
 */
package dev.throng.engine.run;
