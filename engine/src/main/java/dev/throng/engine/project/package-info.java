/**
 * The test-project model: immutable records for settings, variables, data sources, user profiles, flows, the load
 * plan and thresholds. An edit makes a new value. Imports only the JDK.
 *
 * <p>Units: every duration is a {@link java.time.Duration}; rates are per second; weights are non-negative numbers
 * whose ratios matter. Lists keep the user's order (the file format writes them in that order).
 *
 * <p>The file format lives in {@code project.io}; validation in {@link dev.throng.engine.project.Validator}.
 */
package dev.throng.engine.project;
