/**
 * What runs one agent's part of a run (the in-process agent of a local run included): the scheduler that carries
 * out a plan's schedule with one virtual thread per user, the once-a-second ticker, the adapters from the HTTP engine
 * and the statistics collector to the users' ports, the unique rows of the part, and the open-file limit check; and
 * the driver of a capacity search ({@code CapacityDriver}), which the controller runs on the merged statistics. Not
 * API.
 *
 * <p>Imports the JDK and the engine's packages ({@code load}, {@code user}, {@code http}, {@code stats},
 * {@code project}, {@code time}, {@code run}).
 */
package dev.throng.engine.run.internal;
