/**
 * Saved runs and their comparison: {@link dev.throng.engine.history.RunHistory} keeps every run's results beside the
 * project ({@code <name>.runs/<start time>/results.json}); {@link dev.throng.engine.history.RunComparison} puts two
 * runs side by side and marks regressions beyond {@link dev.throng.engine.history.Limits}.
 *
 * <p>Imports the JDK and the engine's {@code run}, {@code stats} and {@code report} packages (the results document
 * is read and written by {@code report}; this package never touches JSON itself).
 */
package dev.throng.engine.history;
